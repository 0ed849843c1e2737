import { hashPassword, verifyPassword } from '@netra/core';
import { SecondFactorRepository, userForSignIn, type Db, type SignInThrottle } from '@netra/db';
import { httpError } from '../errors.js';
import { mustEnrol, recoveryCodeHash, stepOfCode, type SecondFactorPolicy } from './second-factor.js';
import { viewerFromUser, type Viewer } from './sessions.js';

// Verified against when the e-mail is unknown, so both failures cost the same time. Started at
// load (scrypt runs off the main thread), so even the first sign-in does not pay for it.
const decoyHash = hashPassword('decoy password, never matches a real one');

export interface Credentials {
  email: string;
  password: string;
  /** The authenticator's 6-digit code, or a recovery code. */
  code?: string | undefined;
}

/**
 * The enabled user with these credentials, or null. Unknown e-mail, disabled user and wrong
 * password are indistinguishable to the caller, in result and in time. After repeated failures
 * from one client the address is locked for that client for a while (known or not, so the lock
 * reveals nothing either), and while locked not even the right password is checked.
 *
 * A user with a second factor must also give its code (a wrong one counts as a failure); one
 * who must enrol gets a session that can do nothing but enrol (`mustEnrol`).
 */
export async function authenticate(
  deps: { db: Db; throttle: SignInThrottle; secondFactor: SecondFactorPolicy },
  credentials: Credentials,
  client: string,
): Promise<{ viewer: Viewer; mustEnrol: boolean } | null> {
  const { db, throttle } = deps;
  const { email, password, code } = credentials;
  const lockedUntil = await throttle.lockedUntil(email, client);
  if (lockedUntil) throw httpError('signInLocked', undefined, { locked_until: lockedUntil.toISOString() });
  const user = await userForSignIn(db, email);
  const matches = await verifyPassword(password, user?.password_hash ?? (await decoyHash));
  if (!user || !matches || user.disabled_at !== null) {
    await throttle.recordFailure(email, client);
    return null;
  }
  const factors = new SecondFactorRepository(db);
  const secret = deps.secondFactor === 'off' ? null : await factors.confirmedSecret(user.id);
  if (secret !== null) {
    if (!code) throw httpError('secondFactorRequired');
    if (!(await secondFactorAccepted(factors, user.id, secret, code))) {
      await throttle.recordFailure(email, client);
      return null;
    }
  }
  await throttle.clearClient(email, client);
  return { viewer: viewerFromUser(user), mustEnrol: mustEnrol(deps.secondFactor, user.role, secret !== null) };
}

/** A code of the current time step (each accepted once), or an unused recovery code. */
async function secondFactorAccepted(factors: SecondFactorRepository, userId: number, secret: string, code: string): Promise<boolean> {
  const trimmed = code.trim();
  if (/^[0-9]{6}$/.test(trimmed)) {
    const step = stepOfCode(secret, trimmed);
    return step !== null && (await factors.consumeStep(userId, step));
  }
  return factors.consumeRecoveryCode(userId, recoveryCodeHash(trimmed));
}
