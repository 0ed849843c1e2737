import { canonicalJson, sha256Hex } from '@netra/core';
import type { ClassifierData } from './data.js';
import type { CandidateDirectory } from './directory/directory.js';

/**
 * 'rules-<rules.json version>+<model version>+<first 12 hex of sha256(data files, model and
 * directory)>', e.g. 'rules-1.1.0+nb-3fa2c9d1+0a1b2c3d4e5f': any edit to a lexicon, slang map,
 * citation, the candidate list or a retrained model is a new version, stored with every
 * classification, so a stored flag can always be traced to what produced it.
 */
export function classifierVersion(data: ClassifierData, directory: CandidateDirectory): string {
  const digest = sha256Hex(canonicalJson({ data, directory: canonicalDirectory(directory) }));
  return `rules-${data.rules.version}+${data.model?.version ?? 'no-model'}+${digest.slice(0, 12)}`;
}

// Row order is how the database happened to return them: it must not change the version.
function canonicalDirectory(directory: CandidateDirectory): CandidateDirectory {
  const byKey = <T>(key: (x: T) => string) => (a: T, b: T) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
  return {
    elections: [...directory.elections].sort(byKey((e) => e.code)),
    candidates: [...directory.candidates].sort(byKey((c) => `${c.electionCode}\u0000${c.label}`)),
  };
}
