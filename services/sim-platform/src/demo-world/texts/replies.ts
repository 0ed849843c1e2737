import type { CandidateSlots, LabelledText } from './types.js';

/** An ASN replying to a campaign post: in support (support_comment), or about something else. */
export const supportiveReplies: readonly ((s: CandidateSlots) => LabelledText)[] = [
  (s) => ({ text: `Mantap ${s.alias}, kami dukung! 💪`, codes: ['support_comment'] }),
  () => ({ text: 'Semoga menang, warga sini di belakang kalian 🙏', codes: ['support_comment'] }),
  () => ({ text: 'Setuju bgt programnya, lanjutkan!!', codes: ['support_comment'] }),
  () => ({ text: 'Udah pasti pilih ini, sampai ketemu di TPS 😁', codes: ['support_comment'] }),
];

/** Only for pairs, which have a ballot number and a finger salute. */
export const numberedSupportiveReplies: readonly ((s: CandidateSlots) => LabelledText)[] = [
  (s) => ({ text: `Siap menangkan no ${s.n} ${s.finger}`, codes: ['support_comment', 'number_symbol'] }),
  (s) => ({ text: `${s.finger}${s.finger}${s.finger}`, codes: ['support_comment', 'number_symbol'] }),
];

export const neutralReplies: readonly (() => LabelledText)[] = [
  () => ({ text: 'Jalan di depan lokasi acara macet total, mohon panitia atur parkirnya 🙏', codes: [] }),
  () => ({ text: 'Mohon kampanye jangan pakai pengeras suara dekat sekolah, anak2 lagi ujian', codes: [] }),
  () => ({ text: 'Tolong baliho di trotoar dirapikan, mengganggu pejalan kaki', codes: [] }),
  () => ({ text: 'Mohon maaf, ini akun resmi atau bukan ya? Banyak akun palsu soalnya', codes: [] }),
];

/** Replies by people nobody monitors: the ordinary noise around a campaign post. */
export const publicReplies: readonly ((s: CandidateSlots) => string)[] = [
  (s) => `Gas terus ${s.alias}! 🔥`,
  () => 'Programnya bagus, tapi realisasinya gimana nanti?',
  () => 'Harga beras dulu diturunin pak',
  (s) => `Sudah mantap pilih ${s.alias}`,
  () => 'Semoga pemilu damai, siapapun yg menang',
  () => 'Kapan ke daerah kami?',
];
