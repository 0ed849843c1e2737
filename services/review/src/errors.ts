import { NetraError } from '@netra/core';
import { dictionaryFor, type Lang } from './web/i18n.js';

/**
 * Every error the review service answers with, in one table (as Fastify keeps its own): the
 * HTTP status, the code clients branch on, and what it says in Bahasa Indonesia and in English.
 * A person reads the message in their page's language; the English one also goes to the logs.
 */
interface ErrorEntry<P> {
  status: number;
  code: string;
  id: (p: P) => string;
  en: (p: P) => string;
}

const entry = <P = void>(status: number, code: string, id: (p: P) => string, en: (p: P) => string): ErrorEntry<P> => ({ status, code, id, en });
const roleLabel = (lang: Lang, role: string) => (dictionaryFor(lang).labels.role as Record<string, string>)[role] ?? role;

export const errorTable = {
  unauthenticated: entry(401, 'NETRA_UNAUTHENTICATED', () => 'Silakan masuk terlebih dahulu.', () => 'Sign in first.'),
  badCredentials: entry(401, 'NETRA_BAD_CREDENTIALS', () => 'E-mail atau kata sandi salah.', () => 'E-mail or password is wrong.'),
  csrfRejected: entry(
    403,
    'NETRA_CSRF',
    () => 'Token keamanan halaman tidak ada atau salah (header X-Netra-CSRF); muat ulang halaman.',
    () => 'Missing or wrong X-Netra-CSRF header (get it from GET /api/me).',
  ),
  forbiddenRole: entry<{ role: string }>(
    403,
    'NETRA_FORBIDDEN',
    (p) => `Peran ${roleLabel('id', p.role)} tidak punya akses ke butir tinjauan.`,
    (p) => `The ${p.role} role has no access to review items.`,
  ),
  forbiddenAction: entry<{ role: string; action: string }>(
    403,
    'NETRA_FORBIDDEN',
    (p) => `Peran ${roleLabel('id', p.role)} tidak berwenang melakukan ini (${p.action}).`,
    (p) => `The ${p.role} role may not ${p.action}.`,
  ),
  signInLocked: entry(
    429,
    'NETRA_SIGN_IN_LOCKED',
    () => 'Terlalu banyak percobaan masuk yang gagal untuk e-mail ini dari perangkat ini; coba lagi nanti.',
    () => 'Too many failed sign-ins for this e-mail from this client; try again later.',
  ),
  secondFactorRequired: entry(
    401,
    'NETRA_SECOND_FACTOR_REQUIRED',
    () => 'Masukkan 6 angka dari aplikasi autentikator, atau sebuah kode pemulihan.',
    () => 'Enter the 6-digit code of your authenticator app, or a recovery code.',
  ),
  secondFactorEnrolmentRequired: entry(
    403,
    'NETRA_SECOND_FACTOR_ENROLMENT_REQUIRED',
    () => 'Pasang aplikasi autentikator dulu (halaman /totp).',
    () => 'Set up your authenticator app first (GET /totp, or POST /api/me/totp/setup).',
  ),
  secondFactorEnrolled: entry(
    409,
    'NETRA_SECOND_FACTOR_ENROLLED',
    () => 'Faktor kedua sudah terpasang; admin dapat mengaturnya ulang.',
    () => 'A second factor is already set up; an admin can reset it.',
  ),
  noPendingEnrolment: entry(409, 'NETRA_NO_PENDING_ENROLMENT', () => 'Mulai dari POST /api/me/totp/setup.', () => 'Start with POST /api/me/totp/setup.'),
  wrongSecondFactor: entry(
    400,
    'NETRA_BAD_SECOND_FACTOR',
    () => 'Kode itu tidak cocok; periksa jam ponsel dan ketik kode yang sedang tampil.',
    () => 'That code does not match; check the phone\u2019s clock and type the current one.',
  ),
  itemNotFound: entry<{ id: string }>(404, 'NETRA_NOT_FOUND', (p) => `Butir tinjauan ${p.id} tidak ditemukan.`, (p) => `Review item ${p.id} not found.`),
  mediaNotFound: entry<{ id: string; sha256: string }>(
    404,
    'NETRA_NOT_FOUND',
    (p) => `Gambar ${p.sha256} dari butir tinjauan ${p.id} tidak ditemukan.`,
    (p) => `Image ${p.sha256} of review item ${p.id} not found.`,
  ),
  forwardingNotFound: entry<{ id: string }>(404, 'NETRA_NOT_FOUND', (p) => `Pengiriman ${p.id} tidak ditemukan.`, (p) => `Forwarding ${p.id} not found.`),
  reportNotFound: entry<{ id: string }>(404, 'NETRA_NOT_FOUND', (p) => `Laporan ${p.id} tidak ditemukan.`, (p) => `Report ${p.id} not found.`),
  userNotFound: entry<{ id: string }>(404, 'NETRA_NOT_FOUND', (p) => `Pengguna ${p.id} tidak ditemukan.`, (p) => `User ${p.id} not found.`),
  agencyNotFound: entry<{ id: string }>(404, 'NETRA_NOT_FOUND', (p) => `Instansi ${p.id} tidak ditemukan.`, (p) => `Agency ${p.id} not found.`),
  routeNotFound: entry<{ route: string }>(404, 'NETRA_NOT_FOUND', (p) => `${p.route} tidak ada.`, (p) => `${p.route} not found.`),
  claimHeld: entry(409, 'NETRA_CLAIM_HELD', () => 'Butir ini sedang ditinjau orang lain.', () => 'Someone else is reviewing this item.'),
  claimRequired: entry(409, 'NETRA_CLAIM_REQUIRED', () => 'Klaim butir ini dulu sebelum memutusnya.', () => 'Claim the item before deciding it.'),
  alreadyDecided: entry<{ status: string }>(
    409,
    'NETRA_ALREADY_DECIDED',
    (p) => `Butir ini sudah diputus (${(dictionaryFor('id').labels.status as Record<string, string>)[p.status] ?? p.status}).`,
    (p) => `This item is already ${p.status}.`,
  ),
  reviewTransition: entry<{ reason: string }>(
    409,
    'NETRA_REVIEW_TRANSITION',
    () => 'Tindakan ini tidak bisa dilakukan pada keadaan butir sekarang; muat ulang halaman.',
    (p) => `Not possible in the item's present state: ${p.reason}.`,
  ),
  notFailed: entry(409, 'NETRA_NOT_FAILED', () => 'Hanya pengiriman yang gagal yang bisa dicoba ulang.', () => 'Only a delivery that failed can be retried.'),
  invalidInput: entry<{ where: string; problem: string }>(
    400,
    'NETRA_INVALID_INPUT',
    (p) => `Isian tidak sah — ${p.where}: ${p.problem}`,
    (p) => `Invalid input — ${p.where}: ${p.problem}`,
  ),
  invalidCharacters: entry<{ path: string }>(
    400,
    'NETRA_INVALID_INPUT',
    (p) => `${p.path} memuat karakter yang tidak sah (NUL atau surrogate tunggal).`,
    (p) => `${p.path} holds characters that are not allowed (NUL or a lone surrogate).`,
  ),
  invalidUpload: entry<{ reason: string }>(400, 'NETRA_INVALID_UPLOAD', (p) => `Tangkapan layar ditolak: ${p.reason}`, (p) => `Screenshot refused: ${p.reason}`),
  reportNotUnlinked: entry<{ id: string }>(
    409,
    'NETRA_REPORT_NOT_UNLINKED',
    (p) => `Laporan ${p.id} tidak sedang menunggu ditautkan.`,
    (p) => `Report ${p.id} is not waiting to be linked.`,
  ),
  unknownNip: entry(400, 'NETRA_INVALID_INPUT', () => 'NIP tidak terdaftar.', () => 'That NIP is not registered.'),
  reportWithoutPlatform: entry(
    400,
    'NETRA_INVALID_INPUT',
    () => 'Tautan laporan bukan dari platform yang dikenal: tolak laporan ini atau minta tautan postingannya.',
    () => "The report's link is not on a platform Netra knows: reject the report or ask for the post's link.",
  ),
  reportWithoutHandle: entry(
    400,
    'NETRA_INVALID_INPUT',
    () => 'handle: tautan tidak menyebut akunnya; isi nama akun ASN di platform itu.',
    () => "handle: the link does not name the account; give the civil servant's account name on that platform.",
  ),
  accountTaken: entry(409, 'NETRA_ACCOUNT_TAKEN', () => 'Akun itu sudah terdaftar untuk ASN lain.', () => 'That account is registered to another civil servant.'),
  rateLimited: entry<{ after: string }>(
    429,
    'NETRA_RATE_LIMITED',
    (p) => `Terlalu banyak permintaan; coba lagi dalam ${p.after}.`,
    (p) => `Too many requests; try again in ${p.after}.`,
  ),
  tooManyReports: entry<{ minutes: number }>(
    429,
    'NETRA_RATE_LIMITED',
    (p) => `Terlalu banyak laporan dari alamat ini; coba lagi dalam ${p.minutes} menit.`,
    (p) => `Too many reports from this address; try again in ${p.minutes} minutes.`,
  ),
  /** A NetraError raised below the HTTP layer with a person's mistake in it (InvalidInputError). */
  rejectedInput: entry<{ message: string }>(400, 'NETRA_INVALID_INPUT', (p) => p.message, (p) => p.message),
  internal: entry(500, 'NETRA_INTERNAL', () => 'Terjadi kesalahan di server; sudah dicatat.', () => 'Internal error; it has been logged.'),
} satisfies Record<string, ErrorEntry<never>>;

export type ErrorName = keyof typeof errorTable;
type ParamsOf<N extends ErrorName> = (typeof errorTable)[N] extends ErrorEntry<infer P> ? P : never;

/** An error to answer with: its status, code and message in each language; `details` say exactly what, for programs. */
export class HttpError extends NetraError {
  constructor(
    readonly statusCode: number,
    code: string,
    private readonly messages: Readonly<Record<Lang, string>>,
    details?: unknown,
  ) {
    super(code, messages.en, details);
    this.name = 'HttpError';
  }

  messageIn(lang: Lang): string {
    return this.messages[lang];
  }
}

/** `httpError('itemNotFound', { id })`: the only way the review service makes an error to answer with. */
export function httpError<N extends ErrorName>(
  name: N,
  ...[params, details]: ParamsOf<N> extends void ? [params?: undefined, details?: unknown] : [params: ParamsOf<N>, details?: unknown]
): HttpError {
  const found = errorTable[name] as ErrorEntry<unknown>;
  return new HttpError(found.status, found.code, { id: found.id(params), en: found.en(params) }, details);
}

export const unauthenticated = () => httpError('unauthenticated');
export const forbiddenAction = (role: string, action: string) => httpError('forbiddenAction', { role, action });
/** Also what an item outside the caller's scope answers: its existence is not disclosed. */
export const itemNotFound = (id: string) => httpError('itemNotFound', { id });
