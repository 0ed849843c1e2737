import type { Token } from './tokenise.js';

/** Multi-token sequences keyed by their first token's normalised form, for one-pass matching. */
export interface PhraseEntry<T> {
  norms: string[];
  value: T;
}

export type PhraseIndex<T> = Map<string, PhraseEntry<T>[]>;

export function addPhrase<T>(index: PhraseIndex<T>, norms: string[], value: T): void {
  const first = norms[0];
  if (first === undefined) return;
  const entries = index.get(first);
  if (entries) entries.push({ norms, value });
  else index.set(first, [{ norms, value }]);
}

const none: readonly never[] = [];

/**
 * The entries whose first token is tokens[at]; check each with `phraseMatches`. Two plain calls
 * rather than a generator: this runs for every token of every post, and a generator object per
 * token showed in the profile.
 */
export function phrasesStartingAt<T>(index: PhraseIndex<T>, tokens: readonly Token[], at: number): readonly PhraseEntry<T>[] {
  return index.get(tokens[at]!.norm) ?? none;
}

export function phraseMatches(entry: PhraseEntry<unknown>, tokens: readonly Token[], at: number): boolean {
  const { norms } = entry;
  for (let k = 1; k < norms.length; k++) if (tokens[at + k]?.norm !== norms[k]) return false;
  return true;
}
