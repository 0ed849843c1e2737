import { hashPassword, verifyPassword } from '@netra/core';
import { normaliseEmail, type Db } from '@netra/db';
import { viewerFromUser, type Viewer } from './sessions.js';

// Verified against when the e-mail is unknown, so both failures cost the same time. Started at
// load (scrypt runs off the main thread), so even the first sign-in does not pay for it.
const decoyHash = hashPassword('decoy password, never matches a real one');

/**
 * The enabled user with these credentials, or null. Unknown e-mail, disabled user and wrong
 * password are indistinguishable to the caller, in result and in time.
 */
export async function authenticate(db: Db, email: string, password: string): Promise<Viewer | null> {
  const user = await db
    .selectFrom('users')
    .select(['id', 'email', 'display_name', 'role', 'agency_id', 'password_hash', 'disabled_at'])
    .where('email', '=', normaliseEmail(email))
    .executeTakeFirst();
  const matches = await verifyPassword(password, user?.password_hash ?? (await decoyHash));
  if (!user || !matches || user.disabled_at !== null) return null;
  return viewerFromUser(user);
}
