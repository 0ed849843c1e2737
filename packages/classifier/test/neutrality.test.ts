import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { classify } from './fixtures.js';

const seedsDir = '/work/shared/seeds';
const nusaxDir = '/work/shared/data/nusax-senti-id';

describe('neutrality talk is not partisanship', () => {
  it.each([
    'Bapak ibu ASN, ingat ya jaga netralitas! Jangan like/share konten paslon.',
    'Miris, ada oknum ASN posting "coblos 02 ✌️" di grup kantor. Itu pelanggaran, laporkan ke Bawaslu!',
    'Pemkot mengimbau ASN tidak foto bareng capres dan tidak pakai atribut partai',
    'ASN dilarang memberikan surat dukungan disertai fotokopi KTP untuk paslon manapun',
  ])('"%s"', (text) => {
    const result = classify(text, { regionCode: '31' });
    expect(result.flagged).toBe(false);
    for (const e of result.evidence) expect(e.note).toMatch(/ajakan netralitas/);
  });

  it('still flags a writer who states their own support next to the rules', () => {
    expect(classify('Saya tetap dukung 02 walau katanya ASN harus netral ✌️').codes).toContain('number_symbol');
  });

  it.each(readdirSync(seedsDir))('seed article %s is not flagged', (file) => {
    const result = classify(readFileSync(`${seedsDir}/${file}`, 'utf8'), { regionCode: '31' });
    expect(result.flagged).toBe(false);
    expect(result.score).toBeLessThan(0.3);
  });
});

describe('false flags on non-partisan Indonesian text (NusaX-senti)', () => {
  it('flags at most a handful of the 1,000 sentences', () => {
    const texts = ['train.csv', 'valid.csv', 'test.csv'].flatMap((file) =>
      (parse(readFileSync(`${nusaxDir}/${file}`), { columns: true }) as Array<{ text: string }>).map((row) => row.text),
    );
    expect(texts).toHaveLength(1000);
    const flagged = texts.filter((text) => classify(text, { regionCode: '31' }).flagged);
    console.log(`NusaX-senti: ${flagged.length} of ${texts.length} flagged`, flagged);
    expect(flagged.length).toBeLessThanOrEqual(5);
  });
});
