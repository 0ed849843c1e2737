import type { NormalisationData } from '../data.js';
import { boundedMemo } from './bounded-memo.js';
import { stem } from './stem.js';

/** What a word's text alone decides about the tokens it becomes; offsets are relative to the word. */
export interface WordPiece {
  kind: 'word' | 'number';
  norm: string;
  stem: string;
  from: number;
  to: number;
  value: number;
  padded: boolean;
  upper: boolean;
}

export type ReadWord = (raw: string) => readonly WordPiece[];

const lettersThenDigits = /^(\p{L}+)(\d+)$/u;
const digitsThenLetters = /^(\d+)(\p{L}+)$/u;
const digitsOnly = /^\d+$/;
// Digits, '@' and '$' inside a word are leet ('c0bl0s', 'm@ntap', 'pa$lon').
const leetChar = /[\d@$]/;
const leetChars = /[\d@$]/g;
const repeatedLetters = /(\p{L})\1{2,}/gu;
const hasLetters = /\p{L}.*\p{L}/u;

// Reading a word (case, leet, slang, Sastrawi stem) costs far more than a lookup.
const maxCached = 100_000;

/**
 * 'no2' and '2hari' are two pieces; digits inside a word are leet ('c0bl0s'); letters are lower
 * cased, repeated letters collapsed, slang expanded and stemmed. The same word always gives the
 * same pieces, so they are computed once per word and shared (callers must not mutate them).
 */
export function createWordReader(data: NormalisationData): ReadWord {
  const slang = new Map(Object.entries(data.slang).map(([from, to]) => [from, to.split(' ')]));
  const leet = new Map(Object.entries(data.leet));
  const readLeet = (word: string): string => word.replace(leetChars, (d) => leet.get(d) ?? d);

  function letters(raw: string, from: number): WordPiece[] {
    const upper = hasLetters.test(raw) && raw === raw.toUpperCase() && raw !== raw.toLowerCase();
    const norm = raw.toLowerCase().replace(repeatedLetters, '$1');
    return (slang.get(norm) ?? [norm]).map((word) => ({ kind: 'word', norm: word, stem: stem(word), from, to: from + raw.length, value: -1, padded: false, upper }));
  }

  function read(raw: string): WordPiece[] {
    if (digitsOnly.test(raw)) return [numberPiece(raw, 0)];
    if (!leetChar.test(raw)) return letters(raw, 0);
    const letterFirst = lettersThenDigits.exec(raw);
    if (letterFirst) return [...letters(letterFirst[1]!, 0), numberPiece(letterFirst[2]!, letterFirst[1]!.length)];
    const digitFirst = digitsThenLetters.exec(raw);
    if (digitFirst) return [numberPiece(digitFirst[1]!, 0), ...letters(digitFirst[2]!, digitFirst[1]!.length)];
    return letters(readLeet(raw), 0);
  }

  return boundedMemo(read, maxCached);
}

function numberPiece(digits: string, from: number): WordPiece {
  return { kind: 'number', norm: digits, stem: digits, from, to: from + digits.length, value: Number(digits), padded: digits.length > 1 && digits[0] === '0', upper: false };
}
