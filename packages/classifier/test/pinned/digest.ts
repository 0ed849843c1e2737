import { createHash } from 'node:crypto';
import type { ClassificationResult, Classifier, ClassifierInput } from '../../src/index.js';

/** Inputs per hash: small enough to tell roughly where a change shows, few enough to keep the fixture short. */
const chunkSize = 100;
/** Full results kept beside the hashes, so a reader sees what is pinned. */
const sampleCount = 5;

export interface PinnedOutputs {
  inputs: number;
  chunkSize: number;
  /** sha256 of the chunk's results as JSON lines (key order included: the CLI prints them so). */
  chunkHashes: string[];
  /** The first flagged results, in full. */
  samples: Array<{ input: ClassifierInput; result: ClassificationResult }>;
}

export function pinOutputs(classifier: Classifier, inputs: readonly ClassifierInput[]): PinnedOutputs {
  const results = inputs.map((input) => classifier.classify(input));
  const chunkHashes: string[] = [];
  for (let at = 0; at < results.length; at += chunkSize) {
    const lines = results.slice(at, at + chunkSize).map((result) => JSON.stringify(result));
    chunkHashes.push(createHash('sha256').update(lines.join('\n')).digest('hex'));
  }
  const samples = inputs
    .map((input, i) => ({ input, result: results[i]! }))
    .filter(({ result }) => result.flagged)
    .slice(0, sampleCount);
  return { inputs: inputs.length, chunkSize, chunkHashes, samples };
}
