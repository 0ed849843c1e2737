import { describe, expect, it } from 'vitest';
import { defaultData } from '../src/data.js';
import { stem } from '../src/text/stem.js';
import { createTokeniser } from '../src/text/tokenise.js';

const tokenise = createTokeniser(defaultData.normalisation);
const norms = (text: string) => tokenise(text).tokens.map((t) => t.norm);

describe('tokeniser', () => {
  it('keeps capitalised first letters, digits and salute emoji (natural\'s aggressive tokeniser drops them)', () => {
    expect(norms('Ayo Coblos 02 ✌️')).toEqual(['ayo', 'coblos', '02', '✌']);
  });

  it('splits hashtags into words and keeps the whole tag for candidate hashtags', () => {
    const doc = tokenise('Siap! #PrabowoGibran2024');
    expect(doc.tokens.slice(1).map((t) => [t.norm, t.hashtag])).toEqual([
      ['prabowo', true],
      ['gibran', true],
      ['2024', true],
    ]);
    expect(doc.hashtags).toEqual([{ tag: 'prabowogibran2024', start: 6, end: 24, firstToken: 1, lastToken: 3 }]);
    expect(norms('#02')).toEqual(['02']);
  });

  it('reads leet digits inside words, collapses repeated letters and expands slang', () => {
    expect(norms('c0bl0s yg menaaang bgt, gk sdh')).toEqual(['coblos', 'yang', 'menang', 'banget', 'tidak', 'sudah']);
    expect(norms('no2 paslon02 2hari')).toEqual(['nomor', '2', 'paslon', '02', '2', 'hari']);
  });

  it('masks URLs and mentions, and keeps dates, prices and scores as one non-ballot token', () => {
    const doc = tokenise('cek https://contoh.id/coblos-02 @tkn_prabowo@mastodon.social tgl 14/02/2024 Rp10.000');
    expect(doc.tokens.map((t) => [t.norm, t.value])).toEqual([
      ['cek', -1],
      ['tgl', -1],
      ['14/02/2024', -1],
      ['rp', -1],
      ['10.000', -1],
    ]);
    expect(doc.mentions.map((m) => m.handle)).toEqual(['tkn_prabowo']);
  });

  it('folds fullwidth and math-bold letters (NFKC) with spans into the original text', () => {
    const text = 'Dukung 𝐏𝐫𝐚𝐛𝐨𝐰𝐨 ✌️!';
    const doc = tokenise(text);
    expect(doc.tokens.map((t) => t.norm)).toEqual(['dukung', 'prabowo', '✌']);
    expect(doc.tokens.map((t) => text.slice(t.start, t.end))).toEqual(['Dukung', '𝐏𝐫𝐚𝐛𝐨𝐰𝐨', '✌️']);
  });

  it('marks capitals and counts sentences', () => {
    const doc = tokenise('Semoga menang. Amin! AMIN menang');
    expect(doc.tokens.map((t) => [t.norm, t.upper, t.sentence])).toEqual([
      ['semoga', false, 0],
      ['menang', false, 0],
      ['amin', false, 1],
      ['amin', true, 2],
      ['menang', false, 2],
    ]);
  });
});

describe('Sastrawi stemmer (natural), as relied on', () => {
  it('reduces affixed campaign verbs to the roots the lexicon lists', () => {
    expect(['mendukung', 'dukungannya', 'memenangkan', 'kemenangan', 'dicoblos', 'memilih', 'berkampanye', 'berorasi'].map(stem)).toEqual([
      'dukung', 'dukung', 'menang', 'menang', 'coblos', 'pilih', 'kampanye', 'orasi',
    ]);
  });

  it('misreads some words, which the lexicon therefore lists by surface form', () => {
    expect(stem('relawan')).toBe('rawan');
    expect(stem('ajakan')).toBe('aja');
  });
});
