import type { CandidateTemplate, LabelledText } from './types.js';

/**
 * Partisan posts by an ASN about the pair they favour, each labelled with the DOMAIN.md codes
 * it shows. Written the way people post: slang, emoji, digits in words, quiet hashtags.
 */
export const pairPostTemplates: readonly CandidateTemplate[] = [
  (s) => ({ text: `Pokoknya ${s.finger}${s.finger} sampai menang!! #${s.tag}`, codes: ['number_symbol', 'campaign_content'] }),
  (s) => ({ text: `coblos no ${s.n} yaa gaes, jgn salah pilih 😁 tgl ${s.voteDay} ke TPS!`, codes: ['number_symbol', 'mobilization'] }),
  (s) => ({ text: `Salam ${s.jari} jari ${s.finger} semangat pagi semuanyaa`, codes: ['number_symbol'] }),
  (s) => ({ text: `udah mantep pilihan: #0${s.n} 🔥🔥`, codes: ['number_symbol'] }),
  (s) => ({ text: `c0bl0s n0 ${s.n}, gak pake ragu 💪`, codes: ['number_symbol'] }),
  (s) => ({ text: `${s.alias} paling siap mimpin, programnya jelas bgt. Yg lain lewat dulu 😤 #${s.tag}`, codes: ['campaign_content'] }),
  (s) => ({ text: `Visi misi ${s.alias} soal lapangan kerja itu realistis. Share ke yg masih ragu ya! #${s.tag}`, codes: ['campaign_content', 'mobilization'] }),
  (s) => ({ text: `@${s.handle} maju terus pantang mundur, kami di belakangmu! 💪`, codes: ['campaign_content'] }),
  (s) => ({ text: `Ayo ajak keluarga pilih ${s.alias} tanggal ${s.voteDay}, jangan golput ya bapak ibu 🙏 #${s.tag}`, codes: ['mobilization', 'campaign_content'] }),
  (s) => ({ text: `Rekan2 sebidang yg blm nentuin pilihan, ${s.alias} aja. Nanti sy bagiin kaos sm stiker nya 😉`, codes: ['mobilization'] }),
  (s) => ({ text: `Alhamdulillah hadir di deklarasi relawan ${s.alias} di ${s.place} tadi malam, rame bgt 🔥`, codes: ['campaign_attendance'] }),
  (s) => ({ text: `Lagi ikut zoom sosialisasi relawan ${s.alias}, materinya bagus, besok ikut lagi`, codes: ['campaign_attendance'] }),
  (s) => ({ text: `Kaos ${s.alias} udah dateng, langsung dipake ke CFD besok 😎 #${s.tag}`, codes: ['party_attribute'] }),
  (s) => ({
    text: `td dikasih kesempatan sambutan di acara relawan ${s.alias}. sy sampaikan ke warga: tgl ${s.voteDay} pilih nomor ${s.n}!`,
    codes: ['campaign_speech', 'number_symbol'],
  }),
  (s) => ({
    text: `Foto bareng ${s.name} td di ${s.place} ${s.finger} mantaaap`,
    codes: ['photo_with_candidate', 'number_symbol'],
    media: [`Saya berfoto bersama ${s.name} di panggung kampanye, kami mengacungkan ${s.jari} jari.`],
  }),
  (s) => ({
    text: `Akhirnya bisa ketemu langsung 😍 semoga amanah`,
    codes: ['photo_with_candidate'],
    media: [`Selfie bersama ${s.name} dan tim sukses di posko pemenangan ${s.place}.`],
  }),
  (s) => ({ text: `Rapat koordinasi relawan ${s.alias} malam ini di aula kantor aja ya, kuncinya udah sy pinjem 😂`, codes: ['state_facility', 'campaign_attendance'] }),
  (s) => ({ text: `Mobil dinas sy pake antar logistik posko ${s.alias} dulu, besok pagi udh balik kok`, codes: ['state_facility'] }),
  (s) => ({ text: `Udah isi surat dukungan buat ${s.alias} + fotokopi KTP, tinggal setor ke koordinator 👍`, codes: ['support_letter'] }),
  (s) => ({ text: `Dukung ${s.alias}! ${s.voteDay} menaaaang ${s.finger} #${s.tag}`, codes: ['campaign_content', 'number_symbol'] }),
];

export const partyPostTemplates: readonly CandidateTemplate[] = [
  (s) => ({ text: `Pake kaos partai ${s.alias} ke pengajian, biar kompak sm bapak2 😎 #${s.tag}`, codes: ['party_attribute'] }),
  (s) => ({ text: `Bismillah, sdh ambil formulir pendaftaran bacaleg DPRD di ${s.alias}. Mohon doa restu 🙏`, codes: ['self_candidacy'] }),
  (s) => ({ text: `Baliho sy udah kepasang di perempatan dkt rumah, siap maju caleg dari ${s.alias} 💪`, codes: ['self_candidacy'] }),
  (s) => ({ text: `${s.alias} konsisten bela wong cilik. Yakin pilihanku #${s.tag}`, codes: ['campaign_content'] }),
  (s) => ({ text: `Ikut konvoi ${s.alias} bawa bendera partai, seru jg ternyata 🚩`, codes: ['campaign_attendance', 'party_attribute'] }),
];

/** Pilpres 2024 only: "anyone but 02", still partisan. */
export const salamEmpatJari: LabelledText = { text: 'salam 4 jari 🖐️ asal jangan yg itu 🤭', codes: ['number_symbol'] };

/** Kota Malang's own Pilwali: an ASN declaring for it, with no pair in candidates.csv. */
export const malangSelfCandidacy: LabelledText = {
  text: 'Doakan sy maju Pilwali Malang 2024 ya dulur, formulir pendaftaran sdh di tangan 🙏',
  codes: ['self_candidacy'],
};
