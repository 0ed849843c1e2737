import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClassifier, defaultData, tokeniser } from '@netra/classifier';
import { loadCandidatesCsv } from '@netra/classifier/candidates-csv';
import { secondsSince } from './bench-database.js';
import { round } from './store-posts.js';

/**
 * Posts per second on one core, in-process, over real Indonesian text: the whole classifier
 * (rules + model + calibration + evidence) and, in the same run, the tokenise-only floor (fold,
 * normalise, stem from the warm cache) that every classification starts with.
 */
export function benchClassifier(texts: string[], total: number) {
  const classifier = createClassifier({
    directory: loadCandidatesCsv(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../data/demo/candidates.csv')),
  });
  const tokenise = tokeniser(defaultData.normalisation);
  const inputs = texts.map((text) => ({ text, kind: 'post' as const, regionCode: '31', postedAt: '2024-10-01T08:00:00Z' }));
  // Warm up: stem caches and the JIT, so the figures are the steady state a worker runs at.
  for (const input of inputs) classifier.classify(input);

  let tokens = 0;
  const floorStart = performance.now();
  for (let i = 0; i < total; i++) tokens += tokenise(texts[i % texts.length]!).tokens.length;
  const floorSeconds = secondsSince(floorStart);

  let flagged = 0;
  const start = performance.now();
  for (let i = 0; i < total; i++) if (classifier.classify(inputs[i % inputs.length]!).flagged) flagged++;
  const seconds = secondsSince(start);

  const perSecond = Math.round(total / seconds);
  const floorPerSecond = Math.round(total / floorSeconds);
  return {
    version: classifier.version,
    posts: total,
    seconds: round(seconds),
    posts_per_second_per_core: perSecond,
    tokenise_only_posts_per_second_per_core: floorPerSecond,
    times_the_tokenise_floor: round(floorPerSecond / perSecond, 2),
    tokens_per_post: round(tokens / total, 1),
    flagged_of_nusax: flagged / Math.ceil(total / inputs.length),
  };
}
