import { describe, expect, it } from 'vitest';
import { classify, evidenceOf } from './fixtures.js';

const symbolOf = (text: string, extra = {}) => evidenceOf(classify(text, extra), 'number_symbol')[0];

describe('ballot numbers in context', () => {
  it.each([
    ['coblos no 2', 'coblos no 2', '02'],
    ['Nomor urut 2 ya gaes', 'Nomor urut 2', '02'],
    ['01 menang!', '01', '01'],
    ['Gas terus 03', '03', '03'],
    ['#02 #lanjutkan', '#02', '#02'],
    ['salam dua jari ya bestie', 'salam dua jari', 'salam 2 jari'],
    ['jangan lupa ✌️ tanggal 14 coblos yg bener', '✌️', '✌ (2 jari)'],
  ])('"%s" is a symbol', (text, matched, symbol) => {
    const result = classify(text);
    expect(result.codes).toContain('number_symbol');
    const evidence = evidenceOf(result, 'number_symbol')[0]!;
    expect(evidence.matchedText).toBe(matched);
    expect(evidence.symbol).toBe(symbol);
    expect(evidence.candidate?.electionCode).toBe('pilpres-2024');
  });

  it.each([
    'Alhamdulillah juara 2 lomba masak se-kecamatan',
    'Ruang rapat di lantai 2 ya',
    '2 hari lagi libur panjang',
    'Promo 2 ribu aja, berlaku tgl 2/2 jam 2',
    'Pilih 2 menu saja, nomor 1 enak',
    'Restoran ini pemandangannya nomor 1',
    'Reservasi dan dapat nomor 3, minta tempat di lantai bawah',
  ])('"%s" is not flagged', (text) => {
    expect(classify(text).flagged).toBe(false);
  });

  it('keeps a bare ✌️ as weak evidence below the threshold', () => {
    const result = classify('Liburan ke Bali ✌️');
    expect(result.flagged).toBe(false);
    expect(evidenceOf(result, 'number_symbol')[0]?.weight).toBeLessThan(0.5);
  });

  it('reads salam 4 jari as 01 + 03, still partisan', () => {
    const evidence = symbolOf('Salam 4 jari!');
    expect(evidence?.candidate?.label).toBe('Anies–Muhaimin');
    expect(evidence?.note).toMatch(/01 Anies–Muhaimin .* dan 03 Ganjar–Mahfud/);
  });

  it('never resolves a bare number to a party', () => {
    const evidence = symbolOf('Coblos nomor 5!');
    expect(evidence?.candidate).toBeUndefined();
    expect(evidence?.note).toMatch(/tidak ada pasangan bernomor 5/);
    expect(classify('Coblos nomor 5!').flagged).toBe(false);
  });
});

describe('region- and date-aware resolution', () => {
  it('resolves to the national pair when the ASN has no region', () => {
    expect(symbolOf('Nomor urut 2 ya')?.candidate).toEqual({ label: 'Prabowo–Gibran', ballotNumber: 2, electionCode: 'pilpres-2024' });
  });

  it('resolves to the Pilkada of the ASN\'s region, or of its province, and names the alternative', () => {
    const jakarta = symbolOf('Nomor urut 2 ya', { regionCode: '31.71' });
    expect(jakarta?.candidate).toEqual({ label: 'Dharma–Kun', ballotNumber: 2, electionCode: 'pilgub-dki-2024' });
    expect(jakarta?.note).toMatch(/bisa juga berarti 02 Prabowo–Gibran \(pilpres-2024\)/);
    expect(symbolOf('Nomor urut 2 ya', { regionCode: '35.73' })?.candidate?.electionCode).toBe('pilwalkot-malang-2024');
    expect(symbolOf('Nomor urut 2 ya', { regionCode: '32.73' })?.candidate?.electionCode).toBe('pilpres-2024');
  });

  it('picks the next vote after the post', () => {
    expect(symbolOf('Nomor urut 2 ya', { regionCode: '31', postedAt: '2024-01-10T08:00:00Z' })?.candidate?.label).toBe('Prabowo–Gibran');
    expect(symbolOf('Nomor urut 2 ya', { regionCode: '31', postedAt: '2024-10-10T08:00:00Z' })?.candidate?.label).toBe('Dharma–Kun');
    const late = symbolOf('Nomor urut 2 ya', { regionCode: '31', postedAt: '2025-03-01T08:00:00Z' });
    expect(late?.note).toMatch(/diposting setelah pemungutan suara/);
  });

  it('follows the election kind and the candidate the text names', () => {
    expect(symbolOf('Capres nomor urut 2', { regionCode: '31' })?.candidate?.label).toBe('Prabowo–Gibran');
    expect(symbolOf('Cagub nomor urut 2', { regionCode: '31' })?.candidate?.label).toBe('Dharma–Kun');
    expect(symbolOf('✌️ #PrabowoGibran', { regionCode: '31' })?.candidate?.label).toBe('Prabowo–Gibran');
  });
});
