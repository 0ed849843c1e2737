import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClassifier } from '@netra/classifier';
import { loadCandidatesCsv } from '@netra/classifier/candidates-csv';
import { secondsSince } from './bench-database.js';
import { round } from './store-posts.js';

/** Posts per second on one core, in-process, over real Indonesian text. */
export function benchClassifier(texts: string[], total: number) {
  const classifier = createClassifier({
    directory: loadCandidatesCsv(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../data/demo/candidates.csv')),
  });
  const inputs = texts.map((text) => ({ text, kind: 'post' as const, regionCode: '31', postedAt: '2024-10-01T08:00:00Z' }));
  // Warm up: stem caches and the JIT, so the figure is the steady state a worker runs at.
  for (const input of inputs) classifier.classify(input);
  let flagged = 0;
  const start = performance.now();
  for (let i = 0; i < total; i++) if (classifier.classify(inputs[i % inputs.length]!).flagged) flagged++;
  const seconds = secondsSince(start);
  return {
    version: classifier.version,
    posts: total,
    seconds: round(seconds),
    posts_per_second_per_core: Math.round(total / seconds),
    flagged_of_nusax: flagged / Math.ceil(total / inputs.length),
  };
}
