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

/** Every entry that matches the tokens starting at `at`. */
export function* phrasesAt<T>(index: PhraseIndex<T>, tokens: readonly Token[], at: number): Generator<PhraseEntry<T>> {
  const entries = index.get(tokens[at]!.norm);
  if (!entries) return;
  for (const entry of entries) {
    if (entry.norms.every((norm, k) => tokens[at + k]?.norm === norm)) yield entry;
  }
}
