import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';

/**
 * Which passwords Netra accepts for accounts that see civil servants' names and NIPs (ASVS
 * 2.1): at least 12 characters, and not guessable — zxcvbn-ts, with its shipped list of ~40,000
 * common and breached passwords, keyboard walks, repeats, sequences, dates and l33t spellings,
 * must rate it at least 3 of 4 ("safely unguessable"). The person's own e-mail and name count
 * as guessable too.
 */
export const MIN_PASSWORD_LENGTH = 12;
const MIN_SCORE = 3;
/** zxcvbn's cost grows with length; beyond this the length alone makes a password strong. */
const SCORED_PREFIX = 100;

const estimator = new ZxcvbnFactory({ dictionary: { ...common.dictionary }, graphs: common.adjacencyGraphs });

/** Why this password is refused, in Bahasa Indonesia, or null when it is acceptable. */
export function passwordProblem(password: string, personal: readonly string[] = []): string | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) return `kata sandi minimal ${MIN_PASSWORD_LENGTH} karakter`;
  const words = personal.flatMap((value) => value.toLowerCase().split(/[^\p{L}\p{N}]+/u)).filter((word) => word.length >= 3);
  const { score } = estimator.check(password.slice(0, SCORED_PREFIX), words);
  return score < MIN_SCORE ? 'kata sandi terlalu mudah ditebak (kata sandi umum, pola, atau memuat nama/e-mail sendiri); gunakan kalimat sandi yang lebih panjang' : null;
}
