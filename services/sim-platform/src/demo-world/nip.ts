import type { Gender } from './names.js';
import type { Prng } from './prng.js';

/**
 * A valid NIP for a fictional person: birth date YYYYMMDD + appointment YYYYMM (after age 18)
 * + gender digit (1 male, 2 female) + 3-digit sequence (see packages/core/src/nip.ts).
 */
export function generateNip(prng: Prng, gender: Gender, sequence: number): string {
  const birthYear = prng.int(1968, 1998);
  const birthMonth = prng.int(1, 12);
  const birthDay = prng.int(1, 28);
  // Appointed from the year after turning 19 (so certainly past 18) up to 2023.
  const appointedYear = prng.int(Math.min(birthYear + 19, 2023), 2023);
  const appointedMonth = prng.int(1, 12);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${birthYear}${two(birthMonth)}${two(birthDay)}${appointedYear}${two(appointedMonth)}${gender === 'male' ? 1 : 2}${String(sequence).padStart(3, '0')}`;
}
