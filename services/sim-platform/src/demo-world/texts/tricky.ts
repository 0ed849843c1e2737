import type { EverydayText } from './types.js';

/**
 * Neutral posts that look partisan to a careless matcher: numbers ("lantai 2", "juara 1"), the
 * V pose, campaign words used for other things ("kampanye imunisasi", "deklarasi pemilu damai"),
 * officials and elections mentioned neutrally, Arema's "Salam Satu Jiwa".
 */
export const trickyTexts: readonly EverydayText[] = [
  { text: 'Rapat evaluasi pelayanan di lantai 2 jam 09.00 ya rekan2, jgn telat' },
  { text: 'Alhamdulillah tim futsal kantor juara 1 turnamen antar dinas 🏆⚽' },
  { text: '2 hari lagi cuti bersama, yg mau urus dokumen mohon datang lebih awal 🙏' },
  { text: 'Nomor antrean 02 sampai 30 silakan ke loket 3 ya bapak ibu' },
  { text: 'Foto wisuda si sulung ✌️😊 bangga bgt', media: ['Anak bertoga tersenyum sambil berpose dua jari di depan gedung kampus.'] },
  { text: 'Debat capres semalam seru jg, semoga pemilu damai & kita tetap rukun 🤝', during: 'pilpres-2024' },
  { text: 'Kampanye imunisasi campak di puskesmas mulai Senin, ajak anak2 ya bu 💉' },
  { text: 'Sosialisasi aplikasi antrean online ke kelurahan2 hari ini, capek tp seneng' },
  { text: 'Ikut apel deklarasi pemilu damai dan ASN netral di balai kota, pakai seragam Korpri lengkap', during: 'pilpres-2024' },
  { text: 'Jangan lupa tgl 14 Februari datang ke TPS ya, gunakan hak pilih sesuai hati nurani 🇮🇩', on: '2024-02-12' },
  { text: 'Jangan lupa 27 November ke TPS, satu suara menentukan 5 tahun ke depan. Pilih sesuai hati nurani 🙏', on: '2024-11-25' },
  { text: 'Makan siang pilih yg mana? Nasi padang no 1, soto no 2 😂 bingung' },
  { text: 'Anak sy ranking 3 di kelas, alhamdulillah 🤲' },
  { text: 'Hari ke-2 diklat, materinya padat bgt' },
  { text: 'Selamat kepada Pak Kadis yg baru dilantik, semoga amanah dan sehat selalu' },
  { text: 'Pj Gubernur meninjau pelayanan di kantor kami hari ini, alhamdulillah lancar', region: '31' },
  { text: 'Baliho cagub di mana2, jalanan jadi sempit. Semoga habis pilkada cepat dibersihkan', region: '31', during: 'pilgub-dki-2024' },
  { text: 'Hasil quick count jangan dibahas di grup kantor ya, kita fokus kerja 🙏', on: '2024-02-15' },
  { text: 'Kumpul alumni SMA angkatan 01, seru bgt ketemu teman lama' },
  { text: 'Ruang rapat 3 dipakai sosialisasi SKB netralitas ASN jam 10, yg mau ikut silakan' },
  { text: 'Arema menang 2-1 tadi malam!! Salam Satu Jiwa 💙', region: '35.73' },
  { text: 'Gol ke-3 timnas mantap!! ⚽🔥 #TimnasDay' },
  { text: 'Libur pilkada tgl 27, anak2 minta ke kebun binatang. Nyoblos dulu baru jalan2 😄', on: '2024-11-26' },
  { text: 'Tips biar gk salah coblos: baca surat suara pelan2 dan cek lipatannya. Dari petugas KPPS yg baik hati 😁', on: '2024-02-13' },
];
