import { describe, expect, it } from 'vitest';
import { classify, evidenceOf } from './fixtures.js';

/** Realistic posts (slang, emoji, hashtags, typos), each expected to raise its code. */
const examples: Array<{ code: string; text: string; regionCode?: string; matched: string; candidate?: string }> = [
  { code: 'campaign_content', text: 'AMIN menang satu putaran!!', matched: 'AMIN menang', candidate: 'Anies–Muhaimin' },
  { code: 'campaign_content', text: 'Pokoknya dukung Mas Pram sampe menaaang', regionCode: '31', matched: 'dukung Mas Pram', candidate: 'Pramono–Rano' },
  { code: 'number_symbol', text: 'jgn lupa c0bl0s no 2 ya gaes ✌️', matched: 'c0bl0s no 2', candidate: 'Prabowo–Gibran' },
  { code: 'party_attribute', text: 'Alhamdulillah udh pake kaos #GanjarMahfud2024 ke acara keluarga 😎', matched: 'kaos #GanjarMahfud', candidate: 'Ganjar–Mahfud' },
  { code: 'party_attribute', text: 'Pakai kaos Gerindra ke kantor hari ini', matched: 'kaos Gerindra', candidate: 'Gerindra' },
  { code: 'campaign_attendance', text: 'Seru bgt ikut kampanye akbar Pak Ganjar di GBK td, rame bangettt', matched: 'ikut kampanye akbar Pak Ganjar', candidate: 'Ganjar–Mahfud' },
  { code: 'mobilization', text: 'Bapak ibu rekan2 kantor, yuk kita menangkan Mas Pram - Bang Doel! 🔥', regionCode: '31', matched: 'Bapak ibu rekan2 kantor, yuk kita menangkan Mas Pram', candidate: 'Pramono–Rano' },
  { code: 'mobilization', text: 'Besok bagi2 sembako dari relawan AMIN di balai RW', matched: 'sembako dari relawan AMIN', candidate: 'Anies–Muhaimin' },
  { code: 'campaign_speech', text: 'Tadi saya berorasi di depan relawan Prabowo-Gibran, semangat!', matched: 'berorasi di depan relawan Prabowo-Gibran', candidate: 'Prabowo–Gibran' },
  { code: 'campaign_speech', text: 'Alhamdulillah dipercaya jadi jurkam paslon 03 di kecamatan', regionCode: '31', matched: 'jurkam paslon 03', candidate: 'Pramono–Rano' },
  { code: 'self_candidacy', text: 'Bismillah, saya siap maju sebagai bakal calon bupati 2024. Mohon doa restu 🙏', matched: 'saya siap maju sebagai bakal calon' },
  { code: 'photo_with_candidate', text: 'Foto bareng Kang Emil pas acara tadi 📸', matched: 'Foto bareng Kang Emil', candidate: 'Ridwan Kamil–Suswono' },
  { code: 'state_facility', text: 'Rapat tim pemenangan paslon 02 pake aula kantor dinas ya', regionCode: '31', matched: 'paslon 02 pake aula kantor', candidate: 'Dharma–Kun' },
  { code: 'state_facility', text: 'Mobdin dipake buat antar logistik kampanye Ganjar', matched: 'Mobdin dipake buat antar logistik kampanye Ganjar', candidate: 'Ganjar–Mahfud' },
  { code: 'support_letter', text: 'Sdh kumpulin fotokopi KTP buat dukung Mas Pram', regionCode: '31', matched: 'fotokopi KTP buat dukung Mas Pram', candidate: 'Pramono–Rano' },
  { code: 'support_letter', text: 'Saya sudah tanda tangan surat dukungan untuk RIDO', regionCode: '31', matched: 'surat dukungan untuk RIDO', candidate: 'Ridwan Kamil–Suswono' },
];

describe('every code on realistic posts', () => {
  it.each(examples)('$code: $text', ({ code, text, regionCode, matched, candidate }) => {
    const result = classify(text, regionCode ? { regionCode } : {});
    expect(result.flagged).toBe(true);
    expect(result.codes).toContain(code);
    const [evidence] = evidenceOf(result, code);
    expect(evidence?.matchedText).toBe(matched);
    expect(text.slice(evidence!.span!.start, evidence!.span!.end)).toBe(matched);
    expect(evidence?.candidate?.label).toBe(candidate);
    expect(evidence?.rule).toMatch(/SKB 2022|PP 94\/2021/);
  });

  it('suggests the sanction level from the data: social-media support is berat, self-candidacy sedang', () => {
    expect(classify('AMIN menang satu putaran!!').severity).toBe('berat');
    expect(classify('Bismillah, saya siap maju sebagai bakal calon bupati 2024').severity).toBe('sedang');
  });

  it('rates a photo with a candidate heavier when a salute shows with it', () => {
    const plain = classify('Foto bareng Kang Emil pas acara tadi 📸');
    const withSymbol = classify('Foto bareng Pak Ganjar tadi 🤟');
    expect(evidenceOf(plain, 'photo_with_candidate')[0]?.severity).toBe('sedang');
    expect(evidenceOf(withSymbol, 'photo_with_candidate')[0]?.severity).toBe('berat');
    expect(withSymbol.codes).toEqual(expect.arrayContaining(['photo_with_candidate', 'number_symbol']));
  });

  it('reads an everyday word alias (AMIN = amen) as a candidate only in capitals or as a hashtag', () => {
    expect(classify('Semoga menang lombanya ya nak, amin').flagged).toBe(false);
    expect(classify('Semoga #AMIN menang').codes).toContain('campaign_content');
  });

  it('does not flag news-like mentions of candidates without support', () => {
    expect(classify('Prabowo meresmikan jalan tol baru di Sumatra hari ini').flagged).toBe(false);
  });

  it('is deterministic and bounded', () => {
    const a = classify('Ayo coblos 02 ✌️ #PrabowoGibran');
    expect(classify('Ayo coblos 02 ✌️ #PrabowoGibran')).toEqual(a);
    expect(a.score).toBeGreaterThan(0.5);
    expect(a.score).toBeLessThanOrEqual(1);
  });
});
