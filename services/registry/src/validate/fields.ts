import { anyPlatforms, outboundUrlProblem, type AnyPlatform, type OutboundPolicy } from '@netra/core';
import { normaliseHandle } from '@netra/db';
import { reject } from '../rejection.js';

/** Pure readers of one CSV cell: each returns the typed value or rejects the row with the reason. */

/**
 * Characters that make a cell show something other than what it holds: bidi overrides and
 * isolates (an RTL override turns "gpj.exe" into "exe.jpg"), zero-width characters (two handles
 * that look identical) and control characters. Refused in every cell.
 */
const DECEPTIVE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/u;
const DESCRIBED: Record<string, string> = { '\u202e': 'RTL override', '\u200b': 'zero-width space', '\u200d': 'zero-width joiner', '\ufeff': 'BOM' };

/** The cell in NFKC (full-width and compatibility forms folded), or the row rejected. */
function clean(column: string, value: string): string {
  const found = DECEPTIVE.exec(value);
  if (found) {
    const code = `U+${found[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
    reject(`${column} contains an invisible or direction-changing character ${code}${DESCRIBED[found[0]] ? ` (${DESCRIBED[found[0]]})` : ''} at position ${found.index + 1}`);
  }
  return value.normalize('NFKC');
}

export function required<C extends string>(fields: Record<C, string>, column: C): string {
  const value = fields[column];
  return value === '' ? reject(`missing ${column}`) : clean(column, value);
}

export function optional<C extends string>(fields: Record<C, string>, column: C): string | null {
  const value = fields[column];
  return value === '' ? null : clean(column, value);
}

export function oneOf<T extends string>(column: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  return reject(`unknown ${column} "${value}" (expected ${allowed.join(', ')})`);
}

export function positiveInteger(column: string, value: string): number {
  return /^[1-9]\d{0,8}$/.test(value) ? Number(value) : reject(`${column} must be a positive whole number, got "${value}"`);
}

/** A calendar day written YYYY-MM-DD, kept as text (DATE columns are read and written as text). */
export function isoDate(column: string, value: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
  if (!date || date.toISOString().slice(0, 10) !== value) reject(`${column} must be a real date YYYY-MM-DD, got "${value}"`);
  return value;
}

/** Several values in one cell, separated by `|`; empty parts are dropped. */
export function list(value: string): string[] {
  return value
    .split('|')
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

/** An account on any platform: polled ones are ingested, the others (Facebook, Instagram…) link reports. */
export interface AccountRef {
  platform: AnyPlatform;
  handle: string;
}

/** Handles are case-insensitive on every platform: stored lowercased, so SLAMETK is slametk. */
export function account(platform: string, handle: string): AccountRef {
  if (/[\s:]/.test(handle)) reject(`handle "${handle}" must not contain spaces or ":"`);
  return { platform: oneOf('platform', platform, anyPlatforms), handle: normaliseHandle(clean('handle', handle)) };
}

/** `platform:handle`, the form candidates.csv uses for official accounts. */
export function accountRef(value: string): AccountRef {
  const separator = value.indexOf(':');
  if (separator <= 0 || separator === value.length - 1) reject(`account "${value}" must be platform:handle`);
  return account(value.slice(0, separator), value.slice(separator + 1));
}

/** An http(s) URL the forwarder may deliver to: an internal address is refused here, at import. */
export function webhookUrl(column: string, value: string, outbound: OutboundPolicy): string {
  const valid = URL.canParse(value) && /^https?:$/.test(new URL(value).protocol);
  if (!valid) reject(`${column} must be an http(s) URL, got "${value}"`);
  const problem = outboundUrlProblem(value, outbound);
  return problem === null ? value : reject(`${column} "${value}": ${problem}`);
}

export function email(column: string, value: string): string {
  return /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(value) ? value : reject(`${column} must be an e-mail address, got "${value}"`);
}
