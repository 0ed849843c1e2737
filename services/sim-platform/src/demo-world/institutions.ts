/**
 * The demo's regions (Kemendagri codes) and agencies. The agencies are plausible but invented:
 * their codes and contact addresses are the demo's own (.example domains deliver nowhere).
 */
export interface DemoRegion {
  code: string;
  name: string;
  parentCode: string | null;
}

export type AgencyKind = 'dukcapil' | 'kemenag' | 'pemkot';

export interface DemoAgency {
  code: string;
  name: string;
  regionCode: string;
  contactEmail: string;
  kind: AgencyKind;
  /** How many of its staff have a registered account in the demo. */
  staff: number;
  positions: readonly string[];
}

export const demoRegions: readonly DemoRegion[] = [
  { code: '31', name: 'DKI Jakarta', parentCode: null },
  { code: '35', name: 'Jawa Timur', parentCode: null },
  { code: '35.73', name: 'Kota Malang', parentCode: '35' },
];

export const demoAgencies: readonly DemoAgency[] = [
  {
    code: 'DKI-DUKCAPIL',
    name: 'Dinas Kependudukan dan Pencatatan Sipil Provinsi DKI Jakarta',
    regionCode: '31',
    contactEmail: 'tim-netralitas@dukcapil-dki.example',
    kind: 'dukcapil',
    staff: 17,
    positions: [
      'Kepala Seksi Pelayanan Pendaftaran Penduduk',
      'Analis Kebijakan Ahli Muda',
      'Pranata Komputer Ahli Pertama',
      'Pengadministrasi Perkantoran',
      'Penata Layanan Operasional',
      'Administrator Database Kependudukan',
      'Arsiparis Terampil',
    ],
  },
  {
    code: 'KEMENAG-KANWIL-DKI',
    name: 'Kantor Wilayah Kementerian Agama Provinsi DKI Jakarta',
    regionCode: '31',
    contactEmail: 'netralitas-asn@kanwil-kemenag-dki.example',
    kind: 'kemenag',
    staff: 15,
    positions: [
      'Penghulu Ahli Muda',
      'Penyuluh Agama Islam Ahli Pertama',
      'Analis Sumber Daya Manusia Aparatur',
      'Pengelola Keuangan',
      'Pengawas Madrasah',
      'Pengadministrasi Umum',
    ],
  },
  {
    code: 'PEMKOT-MALANG',
    name: 'Pemerintah Kota Malang',
    regionCode: '35.73',
    contactEmail: 'tim-netralitas@pemkot-malang.example',
    kind: 'pemkot',
    staff: 18,
    positions: [
      'Lurah',
      'Sekretaris Kelurahan',
      'Analis Perizinan Ahli Muda',
      'Pengelola Pajak Daerah',
      'Penata Kelola Sistem dan Teknologi Informasi',
      'Pengawas Lingkungan Hidup',
      'Staf Bagian Umum',
    ],
  },
];
