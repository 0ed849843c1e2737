import type { EverydayText } from './types.js';

/**
 * Talking about neutrality, paraphrasing the seed articles (shared/seeds/000-004): allowed and
 * neutral, though full of the words partisan posts use (paslon, kampanye, salam dua jari, KTP).
 */
export const neutralityTexts: readonly EverydayText[] = [
  { text: 'Pengingat: sesuai SKB MenPANRB, Mendagri, BKN, KASN dan Bawaslu, ASN dilarang like, komen dan share konten paslon di medsos. Yuk jaga netralitas #ASNNetral' },
  { text: 'ASN dilarang memberikan surat dukungan disertai fotokopi KTP ke calon manapun. Pahami aturannya ya rekan2' },
  { text: 'Bawaslu Jakbar: ASN boleh hadir kampanye tp harus pasif. Tanpa atribut ASN, tanpa gerakan jari nomor urut, tanpa orasi.', region: '31', during: 'pilgub-dki-2024' },
  { text: 'Kata MenPANRB, ASN yg suami/istrinya maju pilkada boleh mendampingi saat daftar ke KPU dan saat pengenalan ke masyarakat. Kalau ikut kampanye wajib cuti di luar tanggungan negara.' },
  { text: 'PP 94/2021: PNS dilarang pasang spanduk atau baliho yg mempromosikan diri sbg bakal calon, apalagi mendeklarasikan diri.' },
  { text: 'Mendagri minta kepala daerah jamin netralitas ASN. ASN itu milik semua, jangan posting & share soal paslon di sosmed.' },
  { text: 'Hari ini tanda tangan pakta integritas netralitas ASN di kantor. Netral itu profesional 💪', region: '35.73' },
  { text: 'ASN juga dilarang foto bareng bakal calon dan timses kalau menunjukkan keberpihakan. Hati2 kalau ketemu di acara ya.' },
  { text: 'Pelanggaran netralitas diperiksa Inspektorat, tapi Bawaslu yg menentukan. Sanksinya bisa ringan, sedang, sampai berat.' },
  { text: 'Kalau nemu pelanggaran netralitas ASN, laporkan ke instansi asal ASN tsb ya, begitu pesan Menkominfo.' },
  { text: 'UU 20/2023 ttg ASN: setiap ASN wajib menjaga netralitas dan tidak berpihak pada pengaruh manapun.' },
  { text: 'Jangan pakai fasilitas kantor utk kegiatan politik ya, termasuk mobil dinas dan ruang rapat.' },
  { text: 'ASN dilarang jadi jurkam atau narasumber di acara partai politik. Tetap fokus layani masyarakat 🙏' },
  { text: 'Sosialisasi netralitas ASN hari ini: dilarang mengajak keluarga atau rekan kerja mendukung paslon tertentu, dilarang bagi2 barang.' },
  { text: 'Berita: Bawaslu klarifikasi puluhan ASN terkait dugaan pelanggaran netralitas, sebagian diteruskan ke BKN. Semoga jd pelajaran.' },
  { text: 'Baca berita ASN di daerah lain diperiksa gara2 foto salam dua jari pas kampanye. Ngeri, hati2 rekan2 ✌️ itu bisa jadi masalah', during: 'pilpres-2024' },
  { text: 'Pj Wali Kota minta ASN Pemkot Malang jaga netralitas dari sosialisasi sampai pengawasan. Siap!', region: '35.73' },
  { text: 'Pj Wali Kota Jakbar: ASN fokus kerja melayani masyarakat, jaga netralitas selama Pilkada.', region: '31', during: 'pilgub-dki-2024' },
];
