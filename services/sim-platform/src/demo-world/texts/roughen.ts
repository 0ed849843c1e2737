import type { Prng } from '../prng.js';

/**
 * Makes a tidy sentence look typed on a phone: the abbreviations of Indonesian social media
 * (yg, gk, bgt, sdh) and the odd swapped letter. Hashtags, mentions and links stay intact, so
 * the ground truth of the post does not change.
 */
const abbreviations: Record<string, readonly string[]> = {
  yang: ['yg'],
  tidak: ['gk', 'gak', 'nggak', 'tdk'],
  banget: ['bgt', 'bngt'],
  sudah: ['sdh', 'udah', 'udh'],
  dengan: ['dgn'],
  untuk: ['utk', 'buat'],
  karena: ['krn', 'soalnya'],
  saya: ['sy', 'aku'],
  tapi: ['tp'],
  juga: ['jg'],
  sama: ['sm'],
  belum: ['blm'],
  terima: ['trima'],
};

export function roughen(prng: Prng, text: string): string {
  return text
    .split(' ')
    .map((word) => {
      if (/^[#@]|^https?:/.test(word)) return word;
      const options = abbreviations[word.toLowerCase()];
      if (options && prng.chance(0.7)) return prng.pick(options);
      if (word.length > 6 && /^[a-z]+$/.test(word) && prng.chance(0.04)) {
        const i = prng.int(1, word.length - 3);
        return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
      }
      return word;
    })
    .join(' ');
}
