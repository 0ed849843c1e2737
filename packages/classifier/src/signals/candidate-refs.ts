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
  const placeWords = cues.has('placeBefore') ? new Set(cues.get('placeBefore')!.map((c) => tokens[c.at]!.norm)) : undefined;
  for (let i = 0; i < tokens.length; i++) {
    for (const entry of phrasesStartingAt(index.names, tokens, i)) {
      if (!phraseMatches(entry, tokens, i)) continue;
      const { norms, value } = entry;
      const last = i + norms.length - 1;
      if (value.needsCapitals && !inCapitalsOrHashtag(doc, i, last)) continue;
      if (value.regionalWord && regionCode && !electionAppliesTo(value.candidate.election, regionCode) && !inCapitalsOrHashtag(doc, i, last)) continue;
      // Where nobody knows the ASN's region, a local one-word name must at least be written as one.
      if ((value.needsInitialCapital || (value.regionalWord && !regionCode)) && !tokens[i]!.hashtag && !writtenAsName(doc, i)) continue;
      // 'Jalan Sudirman', 'Masjid Ahmad Dahlan': a place named after someone.
      if (i > 0 && placeWords?.has(tokens[i - 1]!.norm)) continue;
      const cue = cueFromTokens(refCategories.named, tokens, i, last);
      addRef(cues, cue, value.candidate);
      if (tokens.slice(i, last + 1).some((t) => t.spelled)) addCue(cues, { ...cue, category: 'spelledName', candidate: value.candidate });
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
