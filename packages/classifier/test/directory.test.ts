import { describe, expect, it } from 'vitest';
import { buildCandidateDirectory, createClassifier, defaultData, type CandidateRow, type ElectionRow } from '../src/index.js';
import { testDirectory } from './fixtures.js';

const electionRows: ElectionRow[] = [
  { id: 1, code: 'pilpres-2024', name: 'Pemilihan Presiden 2024', kind: 'presidential', region_code: null, campaign_starts_on: '2023-11-28', campaign_ends_on: '2024-02-10', vote_on: '2024-02-14' },
  // node-postgres hands DATE columns back as local-midnight Dates.
  { id: 2, code: 'pilgub-dki-2024', name: 'Pemilihan Gubernur DKI Jakarta 2024', kind: 'regional', region_code: '31', campaign_starts_on: new Date(2024, 8, 25), campaign_ends_on: new Date(2024, 10, 23), vote_on: new Date(2024, 10, 27) },
];
const candidateRows: CandidateRow[] = [
  { id: 10, election_id: 1, kind: 'pair', ballot_number: 2, label: 'Prabowo–Gibran', names: ['Prabowo Subianto', 'Gibran Rakabuming Raka'], aliases: ['Prabowo'], hashtags: ['prabowogibran'] },
  { id: 11, election_id: 2, kind: 'pair', ballot_number: 2, label: 'Dharma–Kun', names: ['Dharma Pongrekun', 'Kun Wardana'], aliases: ['Pak Dharma'], hashtags: ['dharmakun'] },
];

describe('buildCandidateDirectory (database rows)', () => {
  const directory = buildCandidateDirectory({ elections: electionRows, candidates: candidateRows });

  it('maps rows onto the directory, dates as YYYY-MM-DD', () => {
    expect(directory.elections[1]).toEqual({ code: 'pilgub-dki-2024', name: 'Pemilihan Gubernur DKI Jakarta 2024', kind: 'regional', regionCode: '31', campaignStartsOn: '2024-09-25', campaignEndsOn: '2024-11-23', voteOn: '2024-11-27' });
    expect(directory.candidates[1]).toMatchObject({ id: 11, electionCode: 'pilgub-dki-2024', ballotNumber: 2, label: 'Dharma–Kun' });
  });

  it('resolves numbers by region and names the spouse by id', () => {
    const classifier = createClassifier({ directory });
    const result = classifier.classify({ text: 'Foto bareng Pak Dharma, coblos nomor 2', kind: 'post', regionCode: '31', spouseCandidateId: 11 });
    expect(result.evidence.find((e) => e.code === 'number_symbol')?.candidate?.electionCode).toBe('pilgub-dki-2024');
    expect(result.exception).toMatch(/Dharma–Kun/);
  });

  it('rejects a candidate of an unknown election', () => {
    expect(() => buildCandidateDirectory({ elections: [], candidates: candidateRows })).toThrow(/unknown election 1/);
  });
});

describe('classifier version', () => {
  const version = createClassifier({ directory: testDirectory() }).version;

  it('is rules-<data version>+<model version>+<12 hex of the data, model and directory hash>', () => {
    expect(version).toMatch(/^rules-1\.5\.0\+nb-[0-9a-f]{8}\+[0-9a-f]{12}$/);
  });

  it('ignores row order but changes with the directory or any data file', () => {
    const directory = testDirectory();
    const reordered = { elections: [...directory.elections].reverse(), candidates: [...directory.candidates].reverse() };
    expect(createClassifier({ directory: reordered }).version).toBe(version);
    const renamed = { ...directory, candidates: directory.candidates.map((c, i) => (i === 0 ? { ...c, aliases: [...c.aliases, 'Abah'] } : c)) };
    expect(createClassifier({ directory: renamed }).version).not.toBe(version);
    const slang = { ...defaultData, normalisation: { ...defaultData.normalisation, slang: { ...defaultData.normalisation.slang, tq: 'terima kasih' } } };
    expect(createClassifier({ directory, data: slang }).version).not.toBe(version);
  });
});
