import { describe, expect, it } from 'vitest';
import { defaultData } from '../src/data.js';
import { createTokeniser } from '../src/text/tokenise.js';
import { classify, duringPilpres, evidenceOf } from './fixtures.js';

const tokenise = createTokeniser(defaultData.normalisation);

describe('letters spelled out to dodge keyword filters', () => {
  it.each([
    ['d u k u n g Prabowo', 'dukung'],
    ['m.e.n.a.n.g.k.a.n 02', 'menangkan'],
    ['c-o-b-l-o-s 01', 'coblos'],
    ['p_i_l_i_h Anies', 'pilih'],
  ])('"%s" reads as "%s", its span the whole spelled run', (text, word) => {
    const doc = tokenise(text);
    const token = doc.tokens[0]!;
    expect(token.norm).toBe(word);
    expect(text.slice(token.start, token.end)).toBe(text.split(/ (?=[A-Z0-9])/)[0]);
  });

  it('leaves initials, list labels and plain numbers alone', () => {
    expect(tokenise('S.H. dan a b').tokens.map((t) => t.norm)).toEqual(['s', 'h', 'dan', 'a', 'b']);
    expect(tokenise('1 2 3').tokens.map((t) => t.value)).toEqual([1, 2, 3]);
  });

  it('reads @ and $ inside a word as leet, and keeps real mentions', () => {
    const doc = tokenise('m@ntap pa$lon @tkn_prabowo');
    expect(doc.tokens.map((t) => t.norm)).toEqual(['mantap', 'paslon']);
    expect(doc.mentions.map((m) => m.handle)).toEqual(['tkn_prabowo']);
  });

  it.each(['Ayo d u k u n g Prabowo sampai menang', 'm.e.n.a.n.g.k.a.n 02 bro', 'c 0 b l 0 s 03!!!'])('flags "%s"', (text) => {
    expect(classify(text, duringPilpres).flagged).toBe(true);
  });
});

describe('ballot numbers as words and with a feeling', () => {
  it.each([
    ['coblos nomer telu, ojo lali', 3, 'Javanese'],
    ['Pilih nomor tilu, urang Sunda kompak', 3, 'Sundanese'],
    ['coblos nomor tigo, dunsanak', 3, 'Minang'],
    ['coblos nomer due ye', 2, 'Betawi'],
  ])('"%s" is ballot number %i (%s)', (text, number) => {
    const [symbol] = evidenceOf(classify(text, duringPilpres), 'number_symbol');
    expect(symbol?.candidate?.ballotNumber).toBe(number);
    expect(symbol?.weight).toBeGreaterThanOrEqual(0.5);
  });

  it.each([
    ['abdi mah dua wae ✌️', 2],
    ['siji thok ☝️ ora usah ribet', 1],
    ['ambo tigo se 🤟', 3],
    ['2️⃣ 2️⃣ mantap hati', 2],
  ])('"%s" is ballot number %i: the number and the matching salute, said as a choice', (text, number) => {
    const [symbol] = evidenceOf(classify(text, duringPilpres), 'number_symbol');
    expect(symbol?.candidate?.ballotNumber).toBe(number);
    expect(symbol?.weight).toBeGreaterThanOrEqual(0.5);
  });

  it('a candidate\'s name spelled letter by letter is campaign content', () => {
    expect(classify('A-N-I-E-S presidenku 🤲', duringPilpres).codes).toContain('campaign_content');
    expect(classify('G a n j a r  untuk Indonesia', duringPilpres).codes).toContain('campaign_content');
  });

  it('"pokoke 03" is a ballot number with insistence', () => {
    expect(classify('pokoke 03', duringPilpres).codes).toContain('number_symbol');
    expect(classify('pokoknya tetap 01 sampai menang', duringPilpres).codes).toContain('number_symbol');
  });

  it('leaves everyday number words and dates alone', () => {
    for (const text of [
      'Pemilu damai, keselamatan nomor satu',
      'kalau harus pilih satu, aku pilih nasi goreng',
      'rapat tanggal 02 Maret di aula',
      'pasti 02 Februari libur ya',
      'Dapat nomor urut 2 di lomba paduan suara antar dinas, doakan ya',
      'Pilih warna seragam: nomor 1 biru, nomor 2 hijau',
      'anak kami dua ✌️ liburan ke pantai',
      'Nomor urut peserta lomba baca puisi: 02, tampil jam 9',
      'Istilah salam dua jari itu sudah ada sejak 2014 ya',
      'Wisuda adik, semua pose salam dua jari di depan rektorat',
    ]) {
      expect(classify(text, duringPilpres).flagged, text).toBe(false);
    }
  });
});

describe('the V sign alone is weak evidence', () => {
  it('a wedding caption with ✌️ and no election context is not flagged', () => {
    for (const text of ['Selamat menempuh hidup baru sahabatku ✌️ foto bareng pengantin', 'Kondangan bareng temen kantor ✌️😁', 'foto bersama keluarga besar ✌️✌️ lebaran']) {
      const result = classify(text, duringPilpres);
      expect(result.flagged, text).toBe(false);
      expect(result.codes).toEqual([]);
    }
  });

  it('a regional pair named by its nickname is flagged for an ASN of that city', () => {
    const result = classify('Wis pokoke Cak Joko sing paling top, coblos!', { regionCode: '35.73', postedAt: '2024-10-20T10:00:00+07:00' });
    expect(result.flagged).toBe(true);
    expect(result.evidence[0]?.candidate?.label).toBe('Joko–Wati');
  });
});
