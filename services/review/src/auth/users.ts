import { hashPassword, verifyPassword } from '@netra/core';
import { normaliseEmail, type Db, type SignInThrottle } from '@netra/db';
import { signInLocked } from '../errors.js';
import { viewerFromUser, type Viewer } from './sessions.js';

// Verified against when the e-mail is unknown, so both failures cost the same time. Started at
// load (scrypt runs off the main thread), so even the first sign-in does not pay for it.
const decoyHash = hashPassword('decoy password, never matches a real one');

/**
 * The enabled user with these credentials, or null. Unknown e-mail, disabled user and wrong
 * password are indistinguishable to the caller, in result and in time. After repeated failures
 * from one client the address is locked for that client for a while (known or not, so the lock
 * reveals nothing either), and while locked not even the right password is checked.
 */
export async function authenticate(db: Db, throttle: SignInThrottle, email: string, password: string, client: string): Promise<Viewer | null> {
  const lockedUntil = await throttle.lockedUntil(email, client);
  if (lockedUntil) throw signInLocked(lockedUntil);
  const user = await db
    .selectFrom('users')
    .select(['id', 'email', 'display_name', 'role', 'agency_id', 'password_hash', 'disabled_at'])
    .where('email', '=', normaliseEmail(email))
    .executeTakeFirst();
  const matches = await verifyPassword(password, user?.password_hash ?? (await decoyHash));
  if (!user || !matches || user.disabled_at !== null) {
    await throttle.recordFailure(email, client);
    return null;
  }
  await throttle.clearClient(email, client);
  return viewerFromUser(user);
}
