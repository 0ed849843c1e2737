import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const at = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));

export const repositoryRoot = at('../../../../');
export const defaultCandidatesCsv = at('../../../../data/demo/candidates.csv');
export const corpusDir = at('../../../../packages/classifier/data/corpus/');
export const modelJsonPath = at('../../../../packages/classifier/data/model.json');

/** The corpus files of one split: '*-train.jsonl' or '*-heldout.jsonl'. */
export function corpusFiles(split: 'train' | 'heldout'): string[] {
  return readdirSync(corpusDir)
    .filter((name) => name.endsWith(`-${split}.jsonl`))
    .sort()
    .map((name) => corpusDir + name);
}
