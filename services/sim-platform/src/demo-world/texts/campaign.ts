import type { CandidateSlots } from './types.js';

/** What a campaign account posts. Not labelled: campaign accounts are watched, not monitored. */
export const pairCampaignTexts: readonly ((s: CandidateSlots) => string)[] = [
  (s) => `Bersama ${s.alias}, kita wujudkan lapangan kerja dan harga pangan yang terjangkau. Coblos nomor ${s.n}! #${s.tag}`,
  (s) => `Terima kasih warga ${s.place} atas sambutan hangatnya hari ini 🙏 #${s.tag}`,
  (s) => `Malam ini debat! ${s.alias} siap paparkan program pendidikan dan kesehatan. Saksikan bersama keluarga #${s.tag}`,
  (s) => `Relawan ${s.alias} siap memenangkan nomor urut ${s.n} ${s.finger} #${s.tag}`,
  (s) => `Tanggal ${s.voteDay}, jangan lupa ke TPS! Pilih nomor ${s.n} ${s.finger}`,
  (s) => `Blusukan ke pasar ${s.place}, mendengar langsung keluhan pedagang soal harga cabai. #${s.tag}`,
];

export const partyCampaignTexts: readonly ((s: CandidateSlots) => string)[] = [
  (s) => `${s.alias} siap memperjuangkan aspirasi rakyat di Senayan. #${s.tag}`,
  (s) => `Kader ${s.alias} turun ke pasar menyapa pedagang dan membagikan kalender. #${s.tag}`,
  (s) => `Caleg ${s.alias} membuka posko pengaduan warga di setiap dapil. #${s.tag}`,
  (s) => `Kampanye akbar ${s.alias} hari Minggu di ${s.place}, ajak keluarga! #${s.tag}`,
];
