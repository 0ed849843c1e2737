import type { AgencyKind } from '../institutions.js';
import type { EverydayText } from './types.js';

/** Office life and public-service announcements, by the kind of agency that posts them. */
export const officeTexts: Record<AgencyKind | 'any', readonly EverydayText[]> = {
  dukcapil: [
    { text: 'Layanan perekaman KTP-el hari Sabtu tetap buka di kantor kelurahan, jangan lupa bawa fotokopi KK ya' },
    { text: 'Blanko KTP-el sudah tersedia lagi, silakan ambil di Dukcapil kecamatan masing2' },
    { text: 'Urus akta kelahiran sekarang bisa online, gratis! Jangan percaya calo ya' },
    { text: 'Pindah domisili? Urus surat pindah sebelum pemilu supaya bisa memilih di TPS sesuai domisili', during: 'pilpres-2024' },
    { text: 'Hari ini jemput bola perekaman KTP-el untuk pemilih pemula di SMA negeri, antusias bgt anak2nya', during: 'pilgub-dki-2024' },
    { text: 'Aktivasi IKD (Identitas Kependudukan Digital) bisa di kantor kami, bawa HP dan KTP-el ya' },
    { text: 'Server SIAK sempat down jam 2 siang tadi, mohon maaf antrean jadi panjang 🙏' },
    { text: 'Penonaktifan NIK warga yg sudah tidak berdomisili di Jakarta: cek status NIK di website resmi Dukcapil' },
  ],
  kemenag: [
    { text: 'Pendaftaran nikah bisa lewat aplikasi SIMKAH, daftar paling lambat 10 hari kerja sebelum akad' },
    { text: 'Pelunasan biaya haji reguler tahap 1 dibuka sampai akhir bulan ini, cek info di kantor Kemenag kota' },
    { text: 'Bimbingan perkawinan untuk calon pengantin di KUA minggu ini, gratis dan dapat sertifikat' },
    { text: 'Selamat untuk madrasah di Jakarta Timur yg juara olimpiade sains tingkat provinsi! 🏅' },
    { text: 'Sertifikasi halal gratis untuk UMKM masih dibuka, info lengkap di kantor kami' },
    { text: 'Layanan KUA tetap buka selama libur sekolah, silakan datang sesuai jadwal' },
    { text: 'Manasik haji untuk jamaah kloter awal dimulai hari Sabtu di asrama haji' },
    { text: 'Rapat kerja penyuluh agama se-DKI, bahas program moderasi beragama' },
  ],
  pemkot: [
    { text: 'Bayar PBB sebelum jatuh tempo ya, bisa lewat aplikasi bank atau minimarket' },
    { text: 'Perizinan usaha bisa di Mal Pelayanan Publik Kota Malang, cepat dan gratis' },
    { text: 'Kerja bakti bersih2 saluran air di Kelurahan Sawojajar Minggu pagi, ayo warga ikut' },
    { text: 'Pengumuman: jadwal pengangkutan sampah di wilayah Lowokwaru berubah minggu ini' },
    { text: 'Pendaftaran SPMB SD negeri dibuka, cek zonasi di website Dinas Pendidikan' },
    { text: 'Ruang terbuka hijau Merjosari sudah bisa dipakai warga lagi setelah renovasi 🌳' },
    { text: 'Posyandu balita di kelurahan kami bulan ini dapat PMT tambahan, ajak anaknya ya bu' },
    { text: 'Lurah dan staf turun cek drainase di Jalan Soekarno-Hatta yg sering tergenang' },
  ],
  any: [
    { text: 'Apel pagi Senin, semangat melayani masyarakat 💪' },
    { text: 'Lembur nyusun laporan akhir tahun 😵 kopi mana kopi', on: '2023-12-28' },
    { text: 'Rapat koordinasi pelayanan publik sampai sore, alhamdulillah lancar' },
    { text: 'Hari ini diklat pelayanan prima, materinya bermanfaat bgt' },
    { text: 'Selamat bertugas untuk rekan2 CPNS baru di kantor kami, semoga betah 😊' },
    { text: 'SKP akhir tahun udah diisi belum rekan2? Deadline Jumat lho' },
    { text: 'Absen pakai aplikasi lagi error pagi ini, semoga cepat dibenerin' },
    { text: 'Senam bersama hari Jumat di halaman kantor, lumayan keringetan' },
  ],
};
