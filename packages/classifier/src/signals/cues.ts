import type { IndexedCandidate } from '../directory/directory-index.js';
import type { Token } from '../text/tokenise.js';

/** One matched piece of meaning: a lexicon category, a candidate reference or a symbol. */
export interface Cue {
  category: string;
  /** Index of the (first) token, for proximity. */
  at: number;
  /** Offsets into the original text. */
  start: number;
  end: number;
  sentence: number;
  /** From a hashtag: hashtags speak for the whole post, not one sentence. */
  global: boolean;
  candidate?: IndexedCandidate;
}

export type Cues = Map<string, Cue[]>;

/**
 * Candidate references by how they were found; '@candidate' holds them all, '@named' the
 * explicit ones (name, alias, hashtag, account mention), '@number' resolved ballot numbers.
 */
export const refCategories = {
  any: '@candidate',
  named: '@named',
  hashtag: '@hashtag',
  number: '@number',
} as const;

export function addCue(cues: Cues, cue: Cue): void {
  const list = cues.get(cue.category);
  if (list) list.push(cue);
  else cues.set(cue.category, [cue]);
}

export function cueFromTokens(category: string, tokens: readonly Token[], first: number, last: number): Cue {
  const a = tokens[first]!;
  return { category, at: first, start: a.start, end: tokens[last]!.end, sentence: a.sentence, global: a.hashtag };
}

export function hasCue(cues: Cues, category: string): boolean {
  return (cues.get(category)?.length ?? 0) > 0;
}

/** 'saya/aku/kami … dukung|pilih|coblos': a first-person word with a campaign action up to three tokens after it, in one sentence. */
export function firstPersonActions(cues: Cues): Array<{ person: Cue; action: Cue }> {
  const actions = cues.get('campaignAction') ?? [];
  return (cues.get('firstPerson') ?? []).flatMap((person) =>
    actions.filter((action) => action.sentence === person.sentence && action.at > person.at && action.at - person.at <= 3).map((action) => ({ person, action })),
  );
}
