import { createRequire } from 'node:module';

/**
 * The ~30,000 Indonesian root words of natural's Sastrawi stemmer ('alam', 'surya', 'bonus'):
 * a regional candidate whose one-word name is also an everyday word is only a reference when
 * written like a name.
 */
const require = createRequire(import.meta.url);
const kataDasar = require('natural/lib/natural/stemmers/indonesian/data/kata-dasar.json') as string[] | Record<string, unknown>;

export const rootWords: ReadonlySet<string> = new Set(Array.isArray(kataDasar) ? kataDasar : Object.keys(kataDasar));
