import type { NormalisationData } from '../data.js';
import { fold, originalEnd, originalStart, type FoldedText } from './fold.js';
import { createWordReader, type ReadWord, type WordPiece } from './word-pieces.js';

/**
 * Text -> tokens with offsets into the original text. natural's AggressiveTokenizerId is not
 * used: it loses offsets, drops '#', emoji and (on un-lowercased text) capital letters, all of
 * which matter here. Each token carries its normalised form (lower case, leet digits read as
 * letters, repeated letters collapsed, slang expanded) and its Sastrawi stem.
 */

export type TokenKind = 'word' | 'number' | 'salute' | 'emoji';

export interface Token {
  kind: TokenKind;
  norm: string;
  /** Sastrawi stem for words; equal to `norm` otherwise. */
  stem: string;
  /** Offsets into the original text. */
  start: number;
  end: number;
  sentence: number;
  /** A number's value, or a salute's finger count; -1 otherwise. */
  value: number;
  /** Written with a leading zero, as ballot numbers are ('02'). */
  padded: boolean;
  /** Part of a hashtag: hashtags speak for the whole post, not one sentence. */
  hashtag: boolean;
  /** Written in capitals ('AMIN'), which tells a name from an everyday word. */
  upper: boolean;
  /** Spelled letter by letter ('A-M-I-N', 'd u k u n g'): nobody writes a name so by chance. */
  spelled: boolean;
}

export interface Hashtag {
  /** Lower case, without '#'. */
  tag: string;
  start: number;
  end: number;
  /** Its tokens are tokens[firstToken .. lastToken]. */
  firstToken: number;
  lastToken: number;
}

export interface Mention {
  /** Lower case, without '@' and without a Mastodon instance ('@user@host' -> 'user'). */
  handle: string;
  start: number;
  end: number;
  sentence: number;
  /** Index of the token that follows it: where it sits for proximity. */
  at: number;
}

export interface Doc {
  original: string;
  tokens: Token[];
  hashtags: Hashtag[];
  mentions: Mention[];
  /** Lower-case host of every link ('kompas.com'): where a post points tells news from a salute. */
  linkHosts: string[];
  /** Sentences that end with '?'. */
  questions: number[];
  /** Where a sentence ends with '!': a writer's own exclamation, which headlines do not make. */
  exclamations: Array<{ sentence: number; offset: number }>;
}

export type Tokenise = (text: string) => Doc;

// One pass over the folded text. Groups: 1 url, 2 mention (not inside a word: 'm@ntap' is
// leet), 3 hashtag body, 4 compound number (dates, prices, scores: never ballot numbers),
// 5 letters spelled one by one to dodge keyword filters ('d u k u n g', 'm.e.n.a.n.g', 'c-o-b-l-o-s'),
// 6 word (letters stop before a compound number: 'Rp10.000'; '@' and '$' inside a word are leet),
// 7 pictograph, 8 sentence end.
const scanner =
  /(https?:\/\/\S+|www\.\S+)|((?<![\p{L}\p{N}])@[\p{L}\p{N}_.@-]*[\p{L}\p{N}_])|#([\p{L}\p{M}\p{N}_]+)|(\d+(?:[.,:/-]\d+)+)|((?:[\p{L}\d][ .\-_*·]){2,}[\p{L}\d](?![\p{L}\p{M}\p{N}]))|([\p{L}\p{M}]+(?=\d+[.,:/-]\d)|[\p{L}\p{M}\p{N}]+(?:[@$][\p{L}\p{M}\p{N}]+)*)|(\p{Extended_Pictographic})|([!?\n]+|\.(?=\s+\p{Lu}))/gu;
const hashtagPart = /\p{Lu}+(?![\p{Ll}\p{M}])|\p{Lu}?[\p{Ll}\p{M}]+|\d+/gu;
const spelledChar = /[\p{L}\d]/gu;
const letter = /^\p{L}/u;
// Fewer spelled letters than this are initials or list labels ('S.H.', 'a b'), not a hidden word.
const minSpelledLetters = 3;
const linkHost = /^(?:https?:\/\/)?(?:www\.)?([^/?#:\s]+)/i;

export function createTokeniser(data: NormalisationData): Tokenise {
  const readWord = createWordReader(data);
  const salutes = new Map(Object.entries(data.salutes).map(([emoji, s]) => [emoji, s.fingers]));
  return (original) => scan(original, readWord, salutes);
}

// Plain functions over explicit arguments: closures made per post showed as a third of the
// classifier's time in the profile.
function scan(original: string, readWord: ReadWord, salutes: ReadonlyMap<string, number>): Doc {
  const folded = fold(original);
  const doc: Doc = { original, tokens: [], hashtags: [], mentions: [], linkHosts: [], questions: [], exclamations: [] };
  const { tokens, hashtags, mentions } = doc;
  let sentence = 0;
  scanner.lastIndex = 0;
  for (let m = scanner.exec(folded.text); m !== null; m = scanner.exec(folded.text)) {
    const at = m.index;
    if (m[1] !== undefined) {
      // URLs are masked: their words are not the ASN's; only where they point is kept.
      const host = linkHost.exec(m[1])?.[1];
      if (host) doc.linkHosts.push(host.toLowerCase());
    } else if (m[2] !== undefined) {
      const handle = m[2].slice(1).split('@')[0]!.toLowerCase();
      mentions.push({ handle, start: originalStart(folded, at), end: originalEnd(folded, at + m[2].length), sentence, at: tokens.length });
    } else if (m[3] !== undefined) {
      const firstToken = tokens.length;
      for (const part of m[3].matchAll(hashtagPart)) pushWord(tokens, folded, readWord(part[0]), at + 1 + part.index, sentence, true);
      const start = originalStart(folded, at);
      hashtags.push({ tag: m[3].toLowerCase(), start, end: originalEnd(folded, at + 1 + m[3].length), firstToken, lastToken: tokens.length - 1 });
      // The '#' is part of what the reviewer should see highlighted ('#02').
      if (tokens[firstToken]) tokens[firstToken].start = start;
    } else if (m[4] !== undefined) {
      pushSymbol(tokens, folded, 'number', m[4], at, sentence, -1);
    } else if (m[5] !== undefined) {
      pushSpelled(tokens, folded, readWord, m[5], at, sentence);
    } else if (m[6] !== undefined) {
      pushWord(tokens, folded, readWord(m[6]), at, sentence, false);
    } else if (m[7] !== undefined) {
      const fingers = salutes.get(m[7]);
      pushSymbol(tokens, folded, fingers === undefined ? 'emoji' : 'salute', m[7], at, sentence, fingers ?? -1);
    } else {
      if (m[8]!.includes('?')) doc.questions.push(sentence);
      if (m[8]!.includes('!')) doc.exclamations.push({ sentence, offset: originalStart(folded, at) });
      sentence++;
    }
  }
  return doc;
}

/** A word's pieces as tokens at `at` in the folded text; fresh objects, since a doc's tokens are its own. */
function pushWord(tokens: Token[], folded: FoldedText, pieces: readonly WordPiece[], at: number, sentence: number, hashtag: boolean): void {
  for (const p of pieces) {
    const start = originalStart(folded, at + p.from);
    const end = originalEnd(folded, at + p.to);
    tokens.push({ kind: p.kind, norm: p.norm, stem: p.stem, start, end, sentence, value: p.value, padded: p.padded, hashtag, upper: p.upper, spelled: false });
  }
}

/**
 * 'd u k u n g' is read as the word 'dukung', its span the whole spelled run; too few letters
 * ('1 2 3', 'a b 2') stay separate tokens, as they would be without the run.
 */
function pushSpelled(tokens: Token[], folded: FoldedText, readWord: ReadWord, run: string, at: number, sentence: number): void {
  const chars = [...run.matchAll(spelledChar)];
  if (chars.filter((c) => letter.test(c[0])).length < minSpelledLetters) {
    for (const c of chars) pushWord(tokens, folded, readWord(c[0]), at + c.index, sentence, false);
    return;
  }
  // Where each UTF-16 unit of the joined word sits in the run.
  const unitAt: number[] = [];
  for (const c of chars) for (let k = 0; k < c[0].length; k++) unitAt.push(c.index + k);
  for (const p of readWord(chars.map((c) => c[0]).join(''))) {
    const start = originalStart(folded, at + unitAt[p.from]!);
    const end = originalEnd(folded, at + unitAt[p.to - 1]! + 1);
    tokens.push({ kind: p.kind, norm: p.norm, stem: p.stem, start, end, sentence, value: p.value, padded: p.padded, hashtag: false, upper: p.upper, spelled: true });
  }
}

/** A compound number, emoji or salute: its text is its normal form and its stem. */
function pushSymbol(tokens: Token[], folded: FoldedText, kind: TokenKind, norm: string, at: number, sentence: number, value: number): void {
  const start = originalStart(folded, at);
  const end = originalEnd(folded, at + norm.length);
  tokens.push({ kind, norm, stem: norm, start, end, sentence, value, padded: false, hashtag: false, upper: false, spelled: false });
}
