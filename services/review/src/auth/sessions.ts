import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { sha256Hex, type Role } from '@netra/core';
import { SessionRepository, type Db, type User } from '@netra/db';

/** The signed-in person a request acts for. */
export interface Viewer {
  userId: number;
  email: string;
  displayName: string;
  role: Role;
  agencyId: number | null;
}

export const SESSION_TTL_SECONDS = 12 * 60 * 60;

/**
 * Opens a session: the token (32 random bytes) goes to the browser, only its SHA-256 is stored,
 * so a leaked sessions table cannot be replayed.
 */
export async function openSession(db: Db, userId: number): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + SESSION_TTL_SECONDS * 1000);
  await new SessionRepository(db).open(sha256Hex(token), userId, expiresAt);
  return { token, expiresAt };
}

/** A session ends this long after the person's last action, whatever its absolute expiry. */
export const SESSION_IDLE_SECONDS = 30 * 60;

/**
 * The viewer behind a live session of an enabled user, or null: not expired, and not idle for
 * longer than the timeout. A request the person made (`activity`) keeps the session alive; a
 * background one (the page's claim heartbeat) does not, or an unattended open tab never ends.
 */
export async function findSessionViewer(db: Db, token: string, activity: boolean): Promise<(Viewer & { secondFactorEnrolled: boolean }) | null> {
  const row = await new SessionRepository(db).findLive(sha256Hex(token), activity, SESSION_IDLE_SECONDS);
  return row ? { ...viewerFromUser(row), secondFactorEnrolled: row.enrolled } : null;
}

export function viewerFromUser(user: Pick<User, 'id' | 'email' | 'display_name' | 'role' | 'agency_id'>): Viewer {
  return { userId: user.id, email: user.email, displayName: user.display_name, role: user.role, agencyId: user.agency_id };
}

export async function closeSession(db: Db, token: string): Promise<void> {
  await new SessionRepository(db).close(sha256Hex(token));
}

/**
 * The CSRF token bound to a session: derived from the session token, so it needs no storage, and
 * a page on another origin cannot learn it (it never sees the httpOnly cookie). Distinct from the
 * stored hash, so the sessions table does not reveal it either.
 */
export function csrfTokenFor(sessionToken: string): string {
  return sha256Hex(`netra-csrf\n${sessionToken}`);
}

/** Constant-time equality for secrets of any length (hashing first equalises the lengths). */
export function secretsEqual(a: string, b: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(a), digest(b));
}
