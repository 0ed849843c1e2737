import { describe, expect, it } from 'vitest';
import { classify, duringPilpres, evidenceOf } from './fixtures.js';


describe('news, reported speech and questions name candidates without taking a side', () => {
  it.each([
    ['a headline naming a pair by its ballot number', 'Capres nomor urut 3 hadiri dialog di Unair'],
    ['a headline with the number before a name', 'Paslon nomor urut 2 Prabowo-Gibran kunjungi pasar Senen'],
    ['a declaration reported in the third person', 'Tokoh adat deklarasikan dukungan untuk paslon Prabowo-Gibran'],
    ['reported speech', 'Menurut Ketua KPU, paslon nomor urut 2 unggul di survei terbaru'],
    ['a neutral question', 'Visi paslon mana yang lebih masuk akal menurut kalian? Anies, Prabowo atau Ganjar?'],
    ['a link to a news site', 'Ganjar menang debat semalam versi pengamat https://nasional.kompas.com/read/2024/01/08/debat'],
    ['a dateline', 'SURABAYA - Pasangan Anies-Muhaimin menggelar kampanye akbar di Tambaksari (20/1/2024).'],
    ['a candidate as the subject of a news verb', 'Ganjar kampanye di Sleman, sapa petani salak'],
    ['a title, a number and a name as the subject', 'Cawapres nomor urut 2 Gibran Rakabuming Raka kunjungi Pasar Gede Solo'],
    ['rival pairs side by side', 'Hasil undian: Anies-Muhaimin nomor 1, Prabowo-Gibran nomor 2, Ganjar-Mahfud nomor 3'],
    ['a group opening the sentence', 'Ribuan relawan deklarasi dukung Prabowo-Gibran di Lapangan Banteng'],
    ['a quoted speaker', '"Kami yakin menang satu putaran," kata juru bicara TKN Prabowo-Gibran.'],
    ['a candidate\'s own appeal, reported', 'Kampanye akbar di JIS, Anies ajak pendukung kawal suara di TPS'],
    ['a candidate\'s words, quoted', 'Prabowo berkata di Lampung: "Siapa pun pemenangnya, kita tetap saudara."'],
    ['a count opening the sentence', '12 ormas nyatakan dukungan untuk Ganjar-Mahfud di Semarang'],
  ])('%s is not flagged', (_, text) => {
    const result = classify(text, duringPilpres);
    expect(result.flagged, JSON.stringify(result)).toBe(false);
  });

  it('says why a news number is weak: it names the pair, it is not a salute', () => {
    const [symbol] = evidenceOf(classify('Capres nomor urut 3 hadiri dialog di Unair', duringPilpres), 'number_symbol');
    expect(symbol?.candidate?.label).toBe('Ganjar–Mahfud');
    expect(symbol?.note).toMatch(/berita yang menyebut pasangan dengan nomor urutnya/);
    expect(symbol?.weight).toBeLessThan(0.5);
  });

  it('damps, never hides: the writer\'s own appeal after the news is still partisan', () => {
    expect(classify('Berita bagus! Ayo coblos 02', duringPilpres).codes).toEqual(expect.arrayContaining(['number_symbol', 'mobilization']));
    expect(classify('Prabowo unggul di survei https://www.detik.com/pemilu/123 . Ayo coblos 02, satu putaran!', duringPilpres).flagged).toBe(true);
  });

  it('reads "menurut saya" and "saya sampaikan" as the writer\'s own voice', () => {
    expect(classify('Menurut saya, coblos nomor 2 paling tepat', duringPilpres).codes).toContain('number_symbol');
    expect(classify('sy sampaikan ke warga: tgl 14 Februari pilih nomor 2!', duringPilpres).codes).toContain('number_symbol');
  });

  it('keeps the writer\'s own exclamation or imperative beside the news', () => {
    expect(classify('Prabowo kampanye di Semarang hari ini. Coblos 02!', duringPilpres).flagged).toBe(true);
    expect(classify('Anies sapa warga Medan, mantap 🔥 semangat AMIN!', duringPilpres).flagged).toBe(true);
  });

  it('still flags a plain salute: a noun marker without news around it', () => {
    expect(classify('Paslon 02 mantap, lanjutkan!', duringPilpres).codes).toContain('number_symbol');
  });
});

describe('negation scope', () => {
  it.each(['aku ogah nyoblos Anies', 'Saya tidak akan pilih Prabowo', 'emoh dukung Ganjar', 'jangan coblos 02'])('"%s" is not support', (text) => {
    expect(classify(text, duringPilpres).flagged).toBe(false);
  });

  it.each(['Jangan lupa coblos 02 ya', 'Gak usah ragu pilih Ganjar-Mahfud', 'jangan sampai tidak coblos Anies'])('a lifted negation "%s" is still support', (text) => {
    expect(classify(text, duringPilpres).flagged).toBe(true);
  });
});
