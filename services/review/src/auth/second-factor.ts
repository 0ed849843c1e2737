import { randomBytes } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import { sha256Hex, type Role } from '@netra/core';

/**
 * TOTP (RFC 6238: SHA-1, 6 digits, 30 s — what every authenticator app speaks) as the second
 * factor. 'required': the roles that see civil servants' names and NIPs must enrol before they
 * can do anything else; analysts, who see only statistics, may. 'off' is for the local demo.
 */
export type SecondFactorPolicy = 'required' | 'off';

const rolesSeeingPersonalData: ReadonlySet<Role> = new Set(['reviewer', 'supervisor', 'central_reviewer', 'admin']);

export function mustEnrol(policy: SecondFactorPolicy, role: Role, enrolled: boolean): boolean {
  return policy === 'required' && !enrolled && rolesSeeingPersonalData.has(role);
}

const ISSUER = 'Netra';
const PERIOD_SECONDS = 30;

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The otpauth:// URI an authenticator app takes (typed in, or as a QR code). */
export function totpUri(secretBase32: string, email: string): string {
  return totp(secretBase32, email).toString();
}

/**
 * The time step a code belongs to, allowing one step of clock drift either way, or null. The
 * caller accepts each step once (SecondFactorRepository.consumeStep), so a code seen over a
 * shoulder cannot be replayed.
 */
export function stepOfCode(secretBase32: string, code: string, now = Date.now()): number | null {
  if (!/^[0-9]{6}$/.test(code)) return null;
  const delta = totp(secretBase32).validate({ token: code, timestamp: now, window: 1 });
  return delta === null ? null : Math.floor(now / 1000 / PERIOD_SECONDS) + delta;
}

/** The current code, for tests and for nothing else. */
export function currentCode(secretBase32: string, now = Date.now()): string {
  return totp(secretBase32).generate({ timestamp: now });
}

function totp(secretBase32: string, label = 'netra'): TOTP {
  return new TOTP({ issuer: ISSUER, label, algorithm: 'SHA1', digits: 6, period: PERIOD_SECONDS, secret: Secret.fromBase32(secretBase32) });
}

const RECOVERY_CODES = 10;

/** Ten single-use recovery codes, shown once; only their hashes are stored. */
export function newRecoveryCodes(): { codes: string[]; hashes: string[] } {
  const codes = Array.from({ length: RECOVERY_CODES }, () => {
    const raw = randomBytes(8).toString('hex');
    return `${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8, 12)}-${raw.slice(12)}`;
  });
  return { codes, hashes: codes.map(recoveryCodeHash) };
}

/** Codes are compared without case, spaces or dashes, as people type them back. */
export function recoveryCodeHash(code: string): string {
  return sha256Hex(`netra-recovery\n${code.toLowerCase().replace(/[^0-9a-f]/g, '')}`);
}
