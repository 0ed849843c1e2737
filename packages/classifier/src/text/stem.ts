import { createRequire } from 'node:module';
import { boundedMemo } from './bounded-memo.js';

/**
 * natural's Indonesian (Sastrawi) stemmer, loaded as a single submodule: the package index loads
 * every language (~2 s), pulls in dotenv and prints its banner to stdout, which would corrupt the
 * CLI's JSONL output. The stemmer has no cache of its own and is the slowest step, so stems are
 * memoised here.
 */
const require = createRequire(import.meta.url);
const sastrawi = require('natural/lib/natural/stemmers/indonesian/stemmer_id.js') as { stem(word: string): string };

export const stem: (word: string) => string = boundedMemo((word) => sastrawi.stem(word), 200_000);
