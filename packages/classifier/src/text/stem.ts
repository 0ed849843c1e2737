import { createRequire } from 'node:module';

/**
 * natural's Indonesian (Sastrawi) stemmer, loaded as a single submodule: the package index loads
 * every language (~2 s), pulls in dotenv and prints its banner to stdout, which would corrupt the
 * CLI's JSONL output. The stemmer has no cache of its own and is the slowest step, so stems are
 * memoised here.
 */
const require = createRequire(import.meta.url);
const sastrawi = require('natural/lib/natural/stemmers/indonesian/stemmer_id.js') as { stem(word: string): string };

// Bounded so a long-running worker fed with random strings cannot grow without limit.
const maxCached = 200_000;
const cache = new Map<string, string>();

export function stem(word: string): string {
  let root = cache.get(word);
  if (root === undefined) {
    root = sastrawi.stem(word);
    if (cache.size >= maxCached) cache.clear();
    cache.set(word, root);
  }
  return root;
}
