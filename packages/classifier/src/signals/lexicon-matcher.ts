import type { LexiconData } from '../data.js';
import { addPhrase, phraseMatches, phrasesStartingAt, type PhraseIndex } from '../text/phrases.js';
import type { Doc, Token, Tokenise } from '../text/tokenise.js';
import { addCue, cueFromTokens, type Cues } from './cues.js';

export type MatchLexicon = (doc: Doc) => Cues;

/**
 * Compiles the lexicon once: words and stems into hash lookups, phrases into a first-token index.
 * Lexicon entries go through the same tokeniser as posts, so slang and spelling agree.
 */
export function createLexiconMatcher(lexicon: LexiconData, tokenise: Tokenise): MatchLexicon {
  const byWord = new Map<string, string[]>();
  const byStem = new Map<string, string[]>();
  const phrases: PhraseIndex<string> = new Map();
  const add = (map: Map<string, string[]>, key: string, category: string): void => {
    const list = map.get(key);
    if (!list) map.set(key, [category]);
    else if (!list.includes(category)) list.push(category);
  };
  for (const [category, terms] of Object.entries(lexicon.categories)) {
    for (const word of terms.words ?? []) {
      for (const token of tokenise(word).tokens) add(byWord, token.norm, category);
    }
    for (const root of terms.stems ?? []) add(byStem, root, category);
    for (const phrase of terms.phrases ?? []) {
      addPhrase(phrases, tokenise(phrase).tokens.map((t) => t.norm), category);
    }
  }

  return function matchLexicon(doc: Doc): Cues {
    const cues: Cues = new Map();
    const { tokens } = doc;
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]!;
      addTokenCues(cues, tokens, i, byWord.get(token.norm));
      addTokenCues(cues, tokens, i, byStem.get(token.stem));
      for (const entry of phrasesStartingAt(phrases, tokens, i)) {
        if (phraseMatches(entry, tokens, i)) addCue(cues, cueFromTokens(entry.value, tokens, i, i + entry.norms.length - 1));
      }
    }
    return cues;
  };
}

function addTokenCues(cues: Cues, tokens: readonly Token[], at: number, categories: readonly string[] | undefined): void {
  if (categories === undefined) return;
  for (const category of categories) {
    // A token found by both its word and its stem is one cue.
    const seen = cues.get(category);
    if (seen?.[seen.length - 1]?.at !== at) addCue(cues, cueFromTokens(category, tokens, at, at));
  }
}
