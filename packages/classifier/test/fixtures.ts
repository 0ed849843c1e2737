import { fileURLToPath } from 'node:url';
import { loadCandidatesCsv } from '../src/cli/candidates-csv.js';
import { createClassifier, type CandidateDirectory, type ClassificationResult, type ClassifierInput } from '../src/index.js';

export const demoCandidatesPath = fileURLToPath(new URL('../../../data/demo/candidates.csv', import.meta.url));

/**
 * The demo candidate list plus a city Pilkada in Kota Malang ('35.73') with its own numbers.
 * The Malang pairs are fictional: they exist to test region-aware resolution, not as facts.
 */
export function testDirectory(): CandidateDirectory {
  const demo = loadCandidatesCsv(demoCandidatesPath);
  return {
    elections: [
      ...demo.elections,
      { code: 'pilwalkot-malang-2024', name: 'Pemilihan Wali Kota Malang 2024', kind: 'regional', regionCode: '35.73', campaignStartsOn: '2024-09-25', campaignEndsOn: '2024-11-23', voteOn: '2024-11-27' },
    ],
    candidates: [
      ...demo.candidates,
      { electionCode: 'pilwalkot-malang-2024', kind: 'pair', ballotNumber: 1, label: 'Budi–Sari', names: ['Budi Fiktif', 'Sari Fiktif'], aliases: ['Mas Budi'], hashtags: ['budisari'] },
      { electionCode: 'pilwalkot-malang-2024', kind: 'pair', ballotNumber: 2, label: 'Joko–Wati', names: ['Joko Fiktif', 'Wati Fiktif'], aliases: ['Cak Joko'], hashtags: ['jokowati'] },
    ],
  };
}

export const classifier = createClassifier({ directory: testDirectory() });

/** An ASN in Jakarta during the Pilpres 2024 campaign: where a bare number means a Pilpres pair. */
export const duringPilpres = { regionCode: '31', postedAt: '2024-01-10T10:00:00+07:00' };

export function classify(text: string, extra: Partial<ClassifierInput> = {}): ClassificationResult {
  return classifier.classify({ text, kind: 'post', ...extra });
}

/** The evidence items of one code, for asserting what a reviewer would see. */
export function evidenceOf(result: ClassificationResult, code: string) {
  return result.evidence.filter((e) => e.code === code);
}
