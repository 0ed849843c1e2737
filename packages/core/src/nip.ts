/**
 * NIP (Nomor Induk Pegawai), the 18-digit civil-servant number:
 *   YYYYMMDD (birth date) + YYYYMM (appointment) + G (1 male, 2 female) + NNN (sequence).
 * Source: shared/DOMAIN.md, "Public facts".
 */
export type NipCheck = { ok: true; nip: string } | { ok: false; reason: string };

export function checkNip(raw: string): NipCheck {
  const nip = raw.replace(/\s+/g, '');
  if (!/^\d{18}$/.test(nip)) return { ok: false, reason: `NIP must be 18 digits, got "${raw}"` };
  const birth = nip.slice(0, 8);
  if (!isRealDate(Number(birth.slice(0, 4)), Number(birth.slice(4, 6)), Number(birth.slice(6, 8)))) {
    return { ok: false, reason: `NIP birth date ${birth} is not a real date` };
  }
  const appointedYear = Number(nip.slice(8, 12));
  const appointedMonth = Number(nip.slice(12, 14));
  if (appointedMonth < 1 || appointedMonth > 12 || appointedYear < Number(birth.slice(0, 4))) {
    return { ok: false, reason: `NIP appointment ${nip.slice(8, 14)} is not a month after the birth date` };
  }
  const gender = nip[14];
  if (gender !== '1' && gender !== '2') {
    return { ok: false, reason: `NIP gender digit must be 1 or 2, got ${gender}` };
  }
  return { ok: true, nip };
}

function isRealDate(year: number, month: number, day: number): boolean {
  if (year < 1900 || month < 1 || month > 12 || day < 1) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
