import type { NormalisationData } from '../data.js';
import { fold, originalSpan } from './fold.js';
import { stem } from './stem.js';

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
}

export type Tokenise = (text: string) => Doc;

// One pass over the folded text. Groups: 1 url, 2 mention, 3 hashtag body, 4 compound number
// (dates, prices, scores: never ballot numbers), 5 word (letters stop before a compound number:
// 'Rp10.000'), 6 pictograph, 7 sentence end.
const scanner =
  /(https?:\/\/\S+|www\.\S+)|(@[\p{L}\p{N}_.@-]*[\p{L}\p{N}_])|#([\p{L}\p{M}\p{N}_]+)|(\d+(?:[.,:/-]\d+)+)|([\p{L}\p{M}]+(?=\d+[.,:/-]\d)|[\p{L}\p{M}\p{N}]+)|(\p{Extended_Pictographic})|([!?\n]+|\.(?=\s+\p{Lu}))/gu;
const hashtagPart = /\p{Lu}+(?![\p{Ll}\p{M}])|\p{Lu}?[\p{Ll}\p{M}]+|\d+/gu;
const lettersThenDigits = /^(\p{L}+)(\d+)$/u;
const digitsThenLetters = /^(\d+)(\p{L}+)$/u;
const digitsOnly = /^\d+$/;
const anyDigit = /\d/;
const repeatedLetters = /(\p{L})\1{2,}/gu;
const hasLetters = /\p{L}.*\p{L}/u;

export function createTokeniser(data: NormalisationData): Tokenise {
  const slang = new Map(Object.entries(data.slang).map(([from, to]) => [from, to.split(' ')]));
  const leet = new Map(Object.entries(data.leet));
  const salutes = new Map(Object.entries(data.salutes).map(([emoji, s]) => [emoji, s.fingers]));
  const readLeet = (word: string): string => word.replace(/\d/g, (d) => leet.get(d) ?? d);

  return function tokenise(original: string): Doc {
    const folded = fold(original);
    const tokens: Token[] = [];
    const hashtags: Hashtag[] = [];
    const mentions: Mention[] = [];
    let sentence = 0;

    const push = (kind: TokenKind, norm: string, from: number, to: number, value: number, padded: boolean, hashtag: boolean, upper: boolean): void => {
      const span = originalSpan(folded, from, to);
      const root = kind === 'word' ? stem(norm) : norm;
      tokens.push({ kind, norm, stem: root, start: span.start, end: span.end, sentence, value, padded, hashtag, upper });
    };

    const pushNumber = (digits: string, from: number, hashtag: boolean): void => {
      push('number', digits, from, from + digits.length, Number(digits), digits.length > 1 && digits[0] === '0', hashtag, false);
    };

    const pushLetters = (raw: string, from: number, hashtag: boolean): void => {
      const upper = hasLetters.test(raw) && raw === raw.toUpperCase() && raw !== raw.toLowerCase();
      const norm = raw.toLowerCase().replace(repeatedLetters, '$1');
      for (const word of slang.get(norm) ?? [norm]) push('word', word, from, from + raw.length, -1, false, hashtag, upper);
    };

    // 'no2' and '2hari' are two tokens; digits inside a word are leet ('c0bl0s').
    const pushWord = (raw: string, from: number, hashtag: boolean): void => {
      if (digitsOnly.test(raw)) return pushNumber(raw, from, hashtag);
      if (!anyDigit.test(raw)) return pushLetters(raw, from, hashtag);
      const letterFirst = lettersThenDigits.exec(raw);
      if (letterFirst) {
        pushLetters(letterFirst[1]!, from, hashtag);
        return pushNumber(letterFirst[2]!, from + letterFirst[1]!.length, hashtag);
      }
      const digitFirst = digitsThenLetters.exec(raw);
      if (digitFirst) {
        pushNumber(digitFirst[1]!, from, hashtag);
        return pushLetters(digitFirst[2]!, from + digitFirst[1]!.length, hashtag);
      }
      pushLetters(readLeet(raw), from, hashtag);
    };

    scanner.lastIndex = 0;
    for (let m = scanner.exec(folded.text); m !== null; m = scanner.exec(folded.text)) {
      const at = m.index;
      if (m[1] !== undefined) continue; // URLs are masked: their words are not the ASN's
      if (m[2] !== undefined) {
        const span = originalSpan(folded, at, at + m[2].length);
        const handle = m[2].slice(1).split('@')[0]!.toLowerCase();
        mentions.push({ handle, ...span, sentence, at: tokens.length });
      } else if (m[3] !== undefined) {
        const firstToken = tokens.length;
        for (const part of m[3].matchAll(hashtagPart)) pushWord(part[0], at + 1 + part.index, true);
        const span = originalSpan(folded, at, at + 1 + m[3].length);
        hashtags.push({ tag: m[3].toLowerCase(), ...span, firstToken, lastToken: tokens.length - 1 });
        // The '#' is part of what the reviewer should see highlighted ('#02').
        if (tokens[firstToken]) tokens[firstToken].start = span.start;
      } else if (m[4] !== undefined) {
        push('number', m[4], at, at + m[4].length, -1, false, false, false);
      } else if (m[5] !== undefined) {
        pushWord(m[5], at, false);
      } else if (m[6] !== undefined) {
        const fingers = salutes.get(m[6]);
        push(fingers === undefined ? 'emoji' : 'salute', m[6], at, at + m[6].length, fingers ?? -1, false, false, false);
      } else {
        sentence++;
      }
    }
    return { original, tokens, hashtags, mentions };
  };
}
