import type { DirectoryIndex, IndexedCandidate } from '../directory/directory-index.js';
import { electionAppliesTo } from '../directory/region.js';
import { phraseMatches, phrasesStartingAt } from '../text/phrases.js';
import type { Doc } from '../text/tokenise.js';
import { addCue, cueFromTokens, refCategories, type Cue, type Cues } from './cues.js';

/**
 * Explicit references to a candidate or party: a name or alias, one of their hashtags (whole,
 * '#PrabowoGibran2024'), or an @mention of their official account. Ballot numbers are resolved
 * separately (number-symbol.ts) because they depend on region and date.
 */
export function addCandidateRefs(doc: Doc, index: DirectoryIndex, cues: Cues, regionCode: string | null | undefined): void {
  const { tokens } = doc;
  for (let i = 0; i < tokens.length; i++) {
    for (const entry of phrasesStartingAt(index.names, tokens, i)) {
      if (!phraseMatches(entry, tokens, i)) continue;
      const { norms, value } = entry;
      const last = i + norms.length - 1;
      if (value.needsCapitals && !inCapitalsOrHashtag(doc, i, last)) continue;
      if (value.regionalWord && regionCode && !electionAppliesTo(value.candidate.election, regionCode) && !inCapitalsOrHashtag(doc, i, last)) continue;
      if (value.needsInitialCapital && !tokens[i]!.hashtag && !writtenAsName(doc, i)) continue;
      addRef(cues, cueFromTokens(refCategories.named, tokens, i, last), value.candidate);
    }
  }
  for (const hashtag of doc.hashtags) {
    const candidate = index.hashtags.get(hashtag.tag);
    if (!candidate) continue;
    addRef(cues, { category: refCategories.hashtag, at: hashtag.firstToken, start: hashtag.start, end: hashtag.end, sentence: 0, global: true }, candidate);
  }
  for (const mention of doc.mentions) {
    const candidate = index.accounts.get(mention.handle);
    if (candidate) addRef(cues, { category: refCategories.named, at: mention.at, start: mention.start, end: mention.end, sentence: mention.sentence, global: false }, candidate);
  }
}

/** Every reference is also an '@candidate' cue; a hashtag is also '@named' (explicit). */
export function addRef(cues: Cues, cue: Cue, candidate: IndexedCandidate): void {
  const ref = { ...cue, candidate };
  addCue(cues, ref);
  if (ref.category === refCategories.hashtag) addCue(cues, { ...ref, category: refCategories.named });
  addCue(cues, { ...ref, category: refCategories.any });
}

/** Capitalised, and not merely because it starts a sentence ('Alam pun tahu'). */
function writtenAsName(doc: Doc, at: number): boolean {
  const token = doc.tokens[at]!;
  const first = doc.original[token.start] ?? '';
  const startsSentence = at === 0 || doc.tokens[at - 1]!.sentence !== token.sentence;
  return first !== first.toLowerCase() && !startsSentence;
}

function inCapitalsOrHashtag(doc: Doc, first: number, last: number): boolean {
  for (let i = first; i <= last; i++) {
    const token = doc.tokens[i]!;
    if (!token.upper && !token.hashtag) return false;
  }
  return true;
}
