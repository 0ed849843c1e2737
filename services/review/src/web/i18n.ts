import type { ForwardingKind, ForwardingStatus, QueueOrder } from '@netra/db';
import type { ElectionPhase } from '@netra/stats';
import type { DismissReason, EngagementKind, PriorityPart, ReviewEventType, ReviewStatus, Role, Severity, ViolationCode } from '@netra/core';

/**
 * The workspace's words, in Bahasa Indonesia (the default) and English. Every page takes its
 * text from here, so the two stay complete: the English table must name every Indonesian key.
 */
export const languages = ['id', 'en'] as const;
export type Lang = (typeof languages)[number];

const id = {
  signIn: 'Masuk',
  reportTitle: 'Laporkan dugaan pelanggaran netralitas ASN',
  reportIntro: 'Lihat ASN berkampanye di media sosial? Kirim tautan postingannya. Tim netralitas instansinya akan meninjau; hanya keputusan manusia yang diteruskan.',
  reportUrl: 'Tautan postingan (Facebook, Instagram, TikTok, YouTube, Threads, X, …)',
  reportDescription: 'Apa yang Anda lihat',
  reportContact: 'Kontak Anda (opsional: hanya dilihat peninjau kasus ini, tidak pernah dibagikan atau dihitung)',
  reportScreenshot: 'Tangkapan layar (opsional, gambar sampai 10 MiB)',
  reportSend: 'Kirim laporan',
  reportReceived: 'Laporan diterima',
  reportNumber: 'Nomor laporan Anda',
  reportNext: 'Netra akan membuka tautan itu dan menyimpan tampilannya sebagai bukti. Terima kasih.',
  fromReport: 'Dari laporan',
  reportByPublic: 'masyarakat',
  reportByStaff: 'staf',
  reportedUrl: 'Tautan yang dilaporkan',
  reporterSaw: 'Yang dilihat pelapor',
  reporterContact: 'Kontak pelapor',
  personalDataHere: 'data pribadi: hanya di kasus ini, tidak diteruskan',
  capture: 'Tangkapan halaman',
  loginWall: 'platform meminta masuk: isi postingan tidak terlihat tanpa akun (tidak dilewati)',
  htmlSha256: 'SHA-256 HTML',
  signOut: 'Keluar',
  email: 'Email',
  password: 'Kata sandi',
  secondFactorCode: 'Kode autentikator (6 angka) atau kode pemulihan',
  secondFactorTitle: 'Pasang autentikator',
  secondFactorIntro:
    'Akun Anda melihat nama dan NIP ASN, jadi masuk memerlukan faktor kedua. Tambahkan kunci ini ke aplikasi autentikator (Google Authenticator, Microsoft Authenticator, FreeOTP, Aegis), lalu ketik kode 6 angka yang ditampilkannya.',
  secondFactorSecret: 'Kunci',
  secondFactorUri: 'Tautan otpauth (untuk aplikasi yang menerimanya)',
  secondFactorConfirm: 'Aktifkan',
  secondFactorDone:
    'Autentikator aktif. Simpan kode pemulihan di bawah ini di tempat aman: masing-masing hanya dapat dipakai sekali bila ponsel hilang, dan tidak akan ditampilkan lagi.',
  secondFactorContinue: 'Lanjut ke antrean',
  queue: 'Antrean',
  queueTitle: 'Antrean tinjauan',
  admin: 'Administrasi',
  stats: 'Statistik',
  jobQueues: 'Antrean pekerjaan',
  otherLanguage: 'English',
  filter: 'Saring',
  all: '(semua)',
  status: 'Status',
  agency: 'Instansi',
  region: 'Wilayah',
  code: 'Kode',
  platform: 'Platform',
  election: 'Pemilihan',
  from: 'Dari',
  to: 'Sampai',
  priority: 'Prioritas',
  sortBy: 'Urutan',
  civilServant: 'ASN',
  kind: 'Jenis',
  excerpt: 'Cuplikan',
  opened: 'Dibuka',
  noItems: 'Tidak ada butir.',
  next: 'Berikutnya →',
  counts: 'Jumlah',
  oldestWaiting: 'Butir terbuka tertua menunggu',
  hours: 'jam',
  select: 'Pilih',
  bulkDismiss: 'Tolak yang dipilih',
  selectAll: 'Pilih semua di halaman ini',
  nextItem: 'Butir berikutnya →',
  localTime: 'waktu setempat',
  item: 'Butir tinjauan',
  claimedBy: 'diklaim oleh',
  until: 'sampai',
  alsoViewing: 'Juga sedang membuka butir ini',
  name: 'Nama',
  nip: 'NIP',
  position: 'Jabatan',
  spouseException: 'Pengecualian: pasangan ASN ini adalah calon',
  spouseExceptionNote: 'Mendampingi pasangan tanpa gestur atau simbol dukungan diperbolehkan.',
  content: 'Konten',
  asnPost: 'Postingan ASN',
  asnComment: 'Komentar ASN',
  targetPost: 'Postingan yang dituju',
  targetAuthor: 'Penulis postingan yang dituju',
  candidateAccount: 'akun resmi',
  notRegistered: 'tidak terdaftar sebagai akun calon',
  engagedFirstSeen: 'pertama terlihat',
  url: 'Tautan asli',
  postedAt: 'Diposting',
  capturedAt: 'Diambil',
  sha256: 'SHA-256',
  eventHash: 'Hash rantai',
  deletedAt: 'Dihapus di platform',
  editedPost: 'Disunting di platform: teks di atas adalah versi yang dinilai pengklasifikasi.',
  textVersions: 'Semua versi teks',
  version: 'Versi',
  firstSeen: 'pertama terlihat',
  editedAt: 'disunting',
  classifiedVersion: 'dinilai',
  images: 'Gambar',
  image: 'Gambar',
  imageFile: 'Berkas',
  imageText: 'Teks dalam gambar (OCR)',
  imageNoText: 'Tidak ada teks yang terbaca.',
  imagePending: 'belum diambil',
  imageNotKept: 'tidak disimpan',
  altText: 'Teks alternatif',
  videoPreview: 'cuplikan video',
  inImage: 'dalam gambar',
  knownOriginal: 'Gambar asli kampanye',
  hashDistance: 'beda hash',
  classification: 'Klasifikasi',
  score: 'Skor',
  suggestedSeverity: 'Tingkat saran',
  classifierVersion: 'Versi pengklasifikasi',
  findings: 'Temuan',
  rule: 'Aturan',
  symbol: 'Simbol',
  candidate: 'Calon',
  matched: 'Kata yang cocok',
  heldBack: 'di bawah ambang: tidak ditandai',
  rawEvidence: 'Bukti mentah',
  exception: 'Pengecualian',
  decision: 'Keputusan',
  claim: 'Klaim',
  severity: 'Tingkat',
  note: 'Catatan',
  reason: 'Alasan',
  confirmAndForward: 'Konfirmasi & teruskan',
  confirmForApproval: 'Konfirmasi (perlu persetujuan supervisor)',
  dismiss: 'Tolak',
  escalate: 'Eskalasi ke supervisor',
  hold: 'Tahan (sedang berkonsultasi)',
  release: 'Lepas klaim',
  approve: 'Setujui & teruskan',
  reopen: 'Buka kembali',
  fourEyesNotice: 'Instansi ini mewajibkan persetujuan supervisor (empat mata) sebelum kasus diteruskan.',
  shortcuts: 'Pintasan: c klaim · y konfirmasi · x tolak · e eskalasi · r lepas · 1/2/3 tingkat · j/k naik/turun · o buka · n butir berikutnya. Pintasan hanya membuka formulir; keputusan baru dikirim dengan tombolnya (atau Enter).',
  history: 'Riwayat',
  event: 'Peristiwa',
  by: 'Oleh',
  time: 'Waktu',
  details: 'Rincian',
  system: 'sistem',
  earlierItems: 'Butir lain ASN ini',
  none: 'Tidak ada.',
  forwarding: 'Penerusan ke instansi asal',
  channel: 'Saluran',
  attempts: 'Percobaan',
  lastError: 'Galat terakhir',
  retry: 'Coba kirim lagi',
  report: 'Laporan kasus (dapat dicetak)',
  users: 'Pengguna',
  agencies: 'Instansi',
  role: 'Peran',
  displayName: 'Nama tampilan',
  addUser: 'Tambah pengguna',
  disabled: 'Nonaktif',
  lockedUntil: 'Terkunci sampai',
  disable: 'Nonaktifkan',
  enable: 'Aktifkan',
  unlock: 'Buka kunci',
  save: 'Simpan',
  yes: 'ya',
  no: 'tidak',
  fourEyes: 'Empat mata',
  emailCases: 'Kirim kasus lewat email',
  webhookUrl: 'URL webhook',
  contactEmail: 'Email kontak',
  rebuild: 'Bangun ulang status dari log peristiwa',
  rebuildHelp: 'Menghitung ulang status setiap butir dari log peristiwanya dan memeriksa rantai hash.',
  error: 'Galat',
  backHome: 'Kembali ke halaman awal',
  pageNotFound: 'Halaman tidak ditemukan',
} as const;

export type Messages = { readonly [K in keyof typeof id]: string };

const en: Messages = {
  signIn: 'Sign in',
  reportTitle: "Report a civil servant's breach of neutrality",
  reportIntro: "Seen a civil servant campaigning on social media? Send the post's link. Their agency's neutrality team will review it; only a person's decision is forwarded.",
  reportUrl: 'Link to the post (Facebook, Instagram, TikTok, YouTube, Threads, X, …)',
  reportDescription: 'What you saw',
  reportContact: 'Your contact (optional: seen only by the reviewers of this case, never shared or counted)',
  reportScreenshot: 'Screenshot (optional, an image up to 10 MiB)',
  reportSend: 'Send report',
  reportReceived: 'Report received',
  reportNumber: 'Your report number',
  reportNext: 'Netra will open the link and keep what it shows as evidence. Thank you.',
  fromReport: 'From report',
  reportByPublic: 'the public',
  reportByStaff: 'staff',
  reportedUrl: 'Reported link',
  reporterSaw: 'What the reporter saw',
  reporterContact: "Reporter's contact",
  personalDataHere: 'personal data: this case only, never forwarded',
  capture: 'Page capture',
  loginWall: 'the platform asked to sign in: the post is not visible without an account (not bypassed)',
  htmlSha256: 'HTML SHA-256',
  signOut: 'Sign out',
  email: 'E-mail',
  password: 'Password',
  secondFactorCode: 'Authenticator code (6 digits) or a recovery code',
  secondFactorTitle: 'Set up your authenticator',
  secondFactorIntro:
    'Your account sees civil servants\u2019 names and NIPs, so signing in needs a second factor. Add this key to an authenticator app (Google Authenticator, Microsoft Authenticator, FreeOTP, Aegis), then type the 6-digit code it shows.',
  secondFactorSecret: 'Key',
  secondFactorUri: 'otpauth link (for apps that accept one)',
  secondFactorConfirm: 'Turn on',
  secondFactorDone:
    'Your authenticator is on. Keep the recovery codes below somewhere safe: each works once if the phone is lost, and they are not shown again.',
  secondFactorContinue: 'Go to the queue',
  queue: 'Queue',
  queueTitle: 'Review queue',
  admin: 'Administration',
  stats: 'Statistics',
  jobQueues: 'Job queues',
  otherLanguage: 'Bahasa Indonesia',
  filter: 'Filter',
  all: '(all)',
  status: 'Status',
  agency: 'Agency',
  region: 'Region',
  code: 'Code',
  platform: 'Platform',
  election: 'Election',
  from: 'From',
  to: 'To',
  priority: 'Priority',
  sortBy: 'Order',
  civilServant: 'Civil servant',
  kind: 'Kind',
  excerpt: 'Excerpt',
  opened: 'Opened',
  noItems: 'No items.',
  next: 'Next →',
  counts: 'Counts',
  oldestWaiting: 'Oldest open item has waited',
  hours: 'hours',
  select: 'Select',
  bulkDismiss: 'Dismiss selected',
  selectAll: 'Select all on this page',
  nextItem: 'Next item →',
  localTime: 'local time',
  item: 'Review item',
  claimedBy: 'claimed by',
  until: 'until',
  alsoViewing: 'Also viewing this item',
  name: 'Name',
  nip: 'NIP',
  position: 'Position',
  spouseException: "Exception: this civil servant's spouse is a candidate",
  spouseExceptionNote: 'Accompanying the spouse without gestures or symbols of support is allowed.',
  content: 'Content',
  asnPost: "Civil servant's post",
  asnComment: "Civil servant's comment",
  targetPost: 'Target post',
  targetAuthor: 'Author of the target post',
  candidateAccount: 'official account',
  notRegistered: 'not a registered candidate account',
  engagedFirstSeen: 'first seen',
  url: 'Original link',
  postedAt: 'Posted',
  capturedAt: 'Captured',
  sha256: 'SHA-256',
  eventHash: 'Chain hash',
  deletedAt: 'Deleted on the platform',
  editedPost: 'Edited on the platform: the text above is the version the classifier read.',
  textVersions: 'Every version of the text',
  version: 'Version',
  firstSeen: 'first seen',
  editedAt: 'edited',
  classifiedVersion: 'classified',
  images: 'Images',
  image: 'Image',
  imageFile: 'File',
  imageText: 'Text in the image (OCR)',
  imageNoText: 'No text was read.',
  imagePending: 'not fetched yet',
  imageNotKept: 'not kept',
  altText: 'Alt text',
  videoPreview: 'video still',
  inImage: 'in image',
  knownOriginal: "The campaign's original",
  hashDistance: 'hash distance',
  classification: 'Classification',
  score: 'Score',
  suggestedSeverity: 'Suggested severity',
  classifierVersion: 'Classifier version',
  findings: 'Findings',
  rule: 'Rule',
  symbol: 'Symbol',
  candidate: 'Candidate',
  matched: 'Matched words',
  heldBack: 'below the threshold: not flagged',
  rawEvidence: 'Raw evidence',
  exception: 'Exception',
  decision: 'Decision',
  claim: 'Claim',
  severity: 'Severity',
  note: 'Note',
  reason: 'Reason',
  confirmAndForward: 'Confirm & forward',
  confirmForApproval: "Confirm (needs a supervisor's approval)",
  dismiss: 'Dismiss',
  escalate: 'Escalate to a supervisor',
  hold: 'Hold (consulting)',
  release: 'Release claim',
  approve: 'Approve & forward',
  reopen: 'Reopen',
  fourEyesNotice: "This agency requires a supervisor's approval (four eyes) before a case is forwarded.",
  shortcuts: 'Shortcuts: c claim · y confirm · x dismiss · e escalate · r release · 1/2/3 severity · j/k move · o open · n next item. A shortcut only opens the form; nothing is decided until you press its button (or Enter).',
  history: 'History',
  event: 'Event',
  by: 'By',
  time: 'Time',
  details: 'Details',
  system: 'system',
  earlierItems: "This civil servant's other items",
  none: 'None.',
  forwarding: 'Forwarding to the home agency',
  channel: 'Channel',
  attempts: 'Attempts',
  lastError: 'Last error',
  retry: 'Retry delivery',
  report: 'Case report (printable)',
  users: 'Users',
  agencies: 'Agencies',
  role: 'Role',
  displayName: 'Display name',
  addUser: 'Add user',
  disabled: 'Disabled',
  lockedUntil: 'Locked until',
  disable: 'Disable',
  enable: 'Enable',
  unlock: 'Unlock',
  save: 'Save',
  yes: 'yes',
  no: 'no',
  fourEyes: 'Four eyes',
  emailCases: 'Send cases by e-mail',
  webhookUrl: 'Webhook URL',
  contactEmail: 'Contact e-mail',
  rebuild: 'Rebuild status from the event log',
  rebuildHelp: "Recomputes every item's status from its event log and checks the hash chains.",
  error: 'Error',
  backHome: 'Back to the start page',
  pageNotFound: 'Page not found',
};

/** The keys review events carry in their payload (review/decision.ts, actions.ts, review-items.ts). */
type EventField =
  | 'code'
  | 'severity'
  | 'rule'
  | 'reason'
  | 'note'
  | 'classification_id'
  | 'requires_approval'
  | 'batch_id'
  | 'lease_seconds'
  | 'forwarding_id';

interface StatsWords {
  title: string;
  from: string;
  to: string;
  election: string;
  agency: string;
  all: string;
  apply: string;
  download: string;
  flags: string;
  confirmed: string;
  dismissed: string;
  decided: string;
  pending: string;
  confirmRate: string;
  /** "3 of 4 decided", beside a rate. */
  ofDecided: (confirmed: string, decided: string) => string;
  median: string;
  p90: string;
  trend: string;
  trendNote: string;
  byCode: string;
  byAgency: string;
  byRegion: string;
  byPlatform: string;
  bySeverity: string;
  byPhase: string;
  map: string;
  mapNote: string;
  backlog: string;
  code: string;
  platform: string;
  severity: string;
  phase: string;
  province: string;
  regency: string;
  refreshed: string;
  never: string;
  empty: string;
  disclaimer: string;
  ages: readonly string[];
}

type Labels = {
  status: Record<ReviewStatus, string>;
  event: Record<ReviewEventType, string>;
  dismissReason: Record<DismissReason, string>;
  severity: Record<Severity, string>;
  role: Record<Role, string>;
  code: Record<ViolationCode, string>;
  subjectKind: Record<'post' | EngagementKind, string>;
  priorityPart: Record<PriorityPart, string>;
  queueOrder: Record<QueueOrder, string>;
  phase: Record<ElectionPhase, string>;
  /** The fields of a review event's details, by key, and the system's reasons for re-flagging. */
  eventField: Record<EventField, string>;
  reflagReason: Record<'content_changed' | 'suppression_ended', string>;
  /** The statistics page's own words (its figures, charts and tables). */
  stats: StatsWords;
  forwardingStatus: Record<ForwardingStatus, string>;
  forwardingKind: Record<ForwardingKind, string>;
};

const idLabels: Labels = {
  status: {
    open: 'Terbuka',
    claimed: 'Sedang ditinjau',
    escalated: 'Dieskalasi',
    on_hold: 'Ditahan',
    awaiting_approval: 'Menunggu persetujuan',
    confirmed: 'Dikonfirmasi',
    dismissed: 'Ditolak',
  },
  event: {
    opened: 'dibuka',
    claimed: 'diklaim',
    released: 'klaim dilepas',
    confirmed: 'dikonfirmasi',
    dismissed: 'ditolak',
    escalated: 'dieskalasi',
    reopened: 'dibuka kembali',
    approved: 'disetujui',
    held: 'ditahan',
    reflagged: 'ditandai ulang',
    forwarding_retried: 'pengiriman diulang',
  },
  dismissReason: {
    not_partisan: 'Tidak partisan',
    allowed_exception: 'Pengecualian yang diizinkan',
    not_this_persons_account: 'Bukan akun ASN ini',
    duplicate: 'Duplikat',
    other: 'Lainnya (wajib catatan)',
  },
  severity: { ringan: 'ringan', sedang: 'sedang', berat: 'berat' },
  role: {
    reviewer: 'peninjau',
    supervisor: 'supervisor',
    central_reviewer: 'peninjau pusat',
    analyst: 'analis',
    admin: 'admin',
  },
  code: {
    campaign_content: 'Konten kampanye',
    support_like: 'Menyukai konten kampanye',
    support_share: 'Membagikan konten kampanye',
    support_comment: 'Berkomentar mendukung',
    number_symbol: 'Nomor urut / simbol jari',
    party_attribute: 'Atribut partai / calon',
    campaign_attendance: 'Ikut kampanye / deklarasi',
    mobilization: 'Mengajak / mobilisasi',
    campaign_speech: 'Juru kampanye / orasi',
    self_candidacy: 'Mencalonkan diri',
    photo_with_candidate: 'Foto bersama calon',
    state_facility: 'Fasilitas negara',
    support_letter: 'Surat dukungan + KTP',
  },
  subjectKind: { post: 'postingan', like: 'menyukai', share: 'membagikan', comment: 'berkomentar' },
  priorityPart: { severity: 'keparahan', score: 'skor', reach: 'jangkauan', repeat: 'riwayat ASN' },
  queueOrder: { priority: 'Prioritas tertinggi dulu', oldest: 'Terlama dulu' },
  eventField: {
    code: 'Jenis',
    severity: 'Tingkat',
    rule: 'Aturan',
    reason: 'Alasan',
    note: 'Catatan',
    classification_id: 'Klasifikasi',
    requires_approval: 'Perlu persetujuan kedua',
    batch_id: 'Kelompok tolak massal',
    lease_seconds: 'Lama klaim (detik)',
    forwarding_id: 'Pengiriman',
  },
  reflagReason: { content_changed: 'isi berubah sejak ditolak', suppression_ended: 'masa jeda setelah "tidak partisan" berakhir' },
  phase: {
    before_campaign: 'Sebelum kampanye',
    campaign: 'Masa kampanye',
    quiet_period: 'Masa tenang',
    vote_day: 'Hari pemungutan suara',
    after_vote: 'Setelah pemungutan suara',
    none: 'Tanpa pemilihan',
  },
  stats: {
    title: 'Statistik',
    from: 'Dari',
    to: 'Sampai',
    election: 'Pemilihan',
    agency: 'Instansi',
    all: 'Semua',
    apply: 'Terapkan',
    download: 'Unduh CSV',
    flags: 'Temuan',
    confirmed: 'Kasus dikonfirmasi peninjau',
    dismissed: 'Ditolak peninjau',
    decided: 'Diputus',
    pending: 'Belum diputus',
    confirmRate: 'Tingkat konfirmasi',
    ofDecided: (confirmed, decided) => `${confirmed} dari ${decided} diputus`,
    median: 'Median waktu putusan',
    p90: 'P90 waktu putusan',
    trend: 'Tren harian',
    trendNote: 'Menurut hari aktivitas (waktu setempat ASN), bukan hari ditandai.',
    byCode: 'Menurut jenis temuan',
    byAgency: 'Menurut instansi',
    byRegion: 'Menurut wilayah',
    byPlatform: 'Menurut platform',
    bySeverity: 'Menurut keparahan yang disarankan',
    byPhase: 'Menurut tahapan pemilihan',
    map: 'Peta provinsi',
    mapNote: 'Setiap kotak satu provinsi, kira-kira di tempatnya; makin gelap makin banyak temuan.',
    backlog: 'Antrean menurut umur',
    code: 'Jenis',
    platform: 'Platform',
    severity: 'Keparahan',
    phase: 'Tahapan',
    province: 'Provinsi',
    regency: 'Kabupaten/Kota',
    refreshed: 'Data statistik diperbarui',
    never: 'belum pernah',
    empty: 'Tidak ada data untuk pilihan ini.',
    disclaimer:
      'Angka ini menghitung temuan Netra dan putusan peninjau. Kasus yang dikonfirmasi peninjau diteruskan ke instansi; pelanggaran netralitas ditetapkan oleh Bawaslu dan instansi, bukan oleh Netra.',
    ages: ['< 1 hari', '1–3 hari', '3–7 hari', '7–14 hari', '≥ 14 hari'],
  },
  forwardingStatus: { pending: 'menunggu', delivered: 'terkirim', failed: 'gagal', cancelled: 'dibatalkan (kasus dibuka kembali)' },
  forwardingKind: { case: 'kasus', withdrawal: 'pemberitahuan penarikan' },
};

const enLabels: Labels = {
  status: {
    open: 'Open',
    claimed: 'In review',
    escalated: 'Escalated',
    on_hold: 'On hold',
    awaiting_approval: 'Awaiting approval',
    confirmed: 'Confirmed',
    dismissed: 'Dismissed',
  },
  event: {
    opened: 'opened',
    claimed: 'claimed',
    released: 'released',
    confirmed: 'confirmed',
    dismissed: 'dismissed',
    escalated: 'escalated',
    reopened: 'reopened',
    approved: 'approved',
    held: 'put on hold',
    reflagged: 're-flagged',
    forwarding_retried: 'delivery retried',
  },
  dismissReason: {
    not_partisan: 'Not partisan',
    allowed_exception: 'Allowed exception',
    not_this_persons_account: "Not this person's account",
    duplicate: 'Duplicate',
    other: 'Other (note required)',
  },
  severity: { ringan: 'ringan (light)', sedang: 'sedang (moderate)', berat: 'berat (heavy)' },
  role: { reviewer: 'reviewer', supervisor: 'supervisor', central_reviewer: 'central reviewer', analyst: 'analyst', admin: 'admin' },
  code: {
    campaign_content: 'Campaign content',
    support_like: 'Liking campaign content',
    support_share: 'Sharing campaign content',
    support_comment: 'Supportive comment',
    number_symbol: 'Ballot number / finger symbol',
    party_attribute: 'Party / candidate attributes',
    campaign_attendance: 'Campaign attendance',
    mobilization: 'Mobilisation',
    campaign_speech: 'Campaign speech',
    self_candidacy: 'Self-candidacy',
    photo_with_candidate: 'Photo with a candidate',
    state_facility: 'State facilities',
    support_letter: 'Support letter with ID card',
  },
  subjectKind: { post: 'post', like: 'like', share: 'share', comment: 'comment' },
  priorityPart: { severity: 'severity', score: 'score', reach: 'reach', repeat: "civil servant's record" },
  queueOrder: { priority: 'Highest priority first', oldest: 'Oldest first' },
  eventField: {
    code: 'Kind',
    severity: 'Severity',
    rule: 'Rule',
    reason: 'Reason',
    note: 'Note',
    classification_id: 'Classification',
    requires_approval: 'Needs a second approval',
    batch_id: 'Bulk dismissal batch',
    lease_seconds: 'Claim lasts (seconds)',
    forwarding_id: 'Delivery',
  },
  reflagReason: { content_changed: 'content changed since the dismissal', suppression_ended: 'the pause after "not partisan" ended' },
  phase: {
    before_campaign: 'Before the campaign',
    campaign: 'Campaign',
    quiet_period: 'Quiet period',
    vote_day: 'Voting day',
    after_vote: 'After the vote',
    none: 'No election',
  },
  stats: {
    title: 'Statistics',
    from: 'From',
    to: 'To',
    election: 'Election',
    agency: 'Agency',
    all: 'All',
    apply: 'Apply',
    download: 'Download CSV',
    flags: 'Flags',
    confirmed: 'Cases confirmed by reviewers',
    dismissed: 'Dismissed by reviewers',
    decided: 'Decided',
    pending: 'Undecided',
    confirmRate: 'Confirm rate',
    ofDecided: (confirmed, decided) => `${confirmed} of ${decided} decided`,
    median: 'Median time to decision',
    p90: 'P90 time to decision',
    trend: 'Daily trend',
    trendNote: "By the day of the activity (the civil servant's local time), not the day it was flagged.",
    byCode: 'By kind of finding',
    byAgency: 'By agency',
    byRegion: 'By region',
    byPlatform: 'By platform',
    bySeverity: 'By suggested severity',
    byPhase: 'By election phase',
    map: 'Province map',
    mapNote: 'Each tile is a province, roughly where it lies; the darker, the more flags.',
    backlog: 'Backlog by age',
    code: 'Kind',
    platform: 'Platform',
    severity: 'Severity',
    phase: 'Phase',
    province: 'Province',
    regency: 'Regency/City',
    refreshed: 'Statistics refreshed',
    never: 'never',
    empty: 'No data for this selection.',
    disclaimer:
      "These figures count Netra's flags and reviewers' decisions. Cases confirmed by reviewers are sent to the agency; violations of neutrality are established by Bawaslu and the agency, not by Netra.",
    ages: ['< 1 day', '1–3 days', '3–7 days', '7–14 days', '≥ 14 days'],
  },
  forwardingStatus: { pending: 'pending', delivered: 'delivered', failed: 'failed', cancelled: 'cancelled (case reopened)' },
  forwardingKind: { case: 'case', withdrawal: 'withdrawal notice' },
};

export interface Dictionary {
  lang: Lang;
  t: Messages;
  labels: Labels;
}

const dictionaries: Record<Lang, Dictionary> = {
  id: { lang: 'id', t: id, labels: idLabels },
  en: { lang: 'en', t: en, labels: enLabels },
};

export function dictionaryFor(lang: Lang): Dictionary {
  return dictionaries[lang];
}

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}
