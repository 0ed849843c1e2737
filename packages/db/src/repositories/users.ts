import { sql } from 'kysely';
import { hashPassword, InvalidInputError, passwordProblem, type Role } from '@netra/core';
import type { Db } from '../connection.js';

export interface NewUser {
  email: string;
  displayName: string;
  role: Role;
  /** Required for reviewer and supervisor (the database checks it too). */
  agencyId?: number | null;
  password: string;
}

const agencyScopedRoles: readonly Role[] = ['reviewer', 'supervisor'];

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** `personal`: the person's e-mail and name, which a password must not lean on. */
function checkPassword(password: string, personal: readonly string[]): void {
  const problem = passwordProblem(password, personal);
  if (problem) throw new InvalidInputError(problem);
}

function checkAgencyForRole(role: Role, agencyId: number | null): void {
  if (agencyScopedRoles.includes(role) && agencyId === null) throw new InvalidInputError(`the ${role} role needs an agency`);
}

/** Creates a user with a hashed password; for the demo, seeding, the admin page and the CLI. */
export async function createUser(db: Db, user: NewUser): Promise<{ id: number }> {
  checkPassword(user.password, [user.email, user.displayName]);
  checkAgencyForRole(user.role, user.agencyId ?? null);
  const email = normaliseEmail(user.email);
  const taken = await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
  if (taken) throw new InvalidInputError(`a user with e-mail ${email} already exists`);
  return db
    .insertInto('users')
    .values({
      email,
      display_name: user.displayName,
      role: user.role,
      agency_id: user.agencyId ?? null,
      password_hash: await hashPassword(user.password),
      disabled_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export interface UserChange {
  displayName?: string;
  role?: Role;
  agencyId?: number | null;
  disabled?: boolean;
  password?: string;
}

/** Users with their agency and whether their address is locked out, for the admin page and CLI. */
export async function listUsers(db: Db) {
  return db
    .selectFrom('users as u')
    .leftJoin('agencies as a', 'a.id', 'u.agency_id')
    .leftJoin('sign_in_throttle as t', 't.email', 'u.email')
    .select(['u.id', 'u.email', 'u.display_name', 'u.role', 'u.agency_id', 'a.code as agency_code', 'u.disabled_at', 't.locked_until'])
    .orderBy('u.role')
    .orderBy('u.email')
    .execute();
}
export type UserListing = Awaited<ReturnType<typeof listUsers>>[number];

/** Changes a user; disabling also ends every session, so it takes effect at once. */
export async function updateUser(db: Db, userId: number, change: UserChange): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const user = await trx.selectFrom('users').select(['role', 'agency_id', 'email', 'display_name']).where('id', '=', userId).forUpdate().executeTakeFirst();
    if (!user) return false;
    if (change.password !== undefined) checkPassword(change.password, [user.email, change.displayName ?? user.display_name]);
    const role = change.role ?? user.role;
    const agencyId = change.agencyId === undefined ? user.agency_id : change.agencyId;
    checkAgencyForRole(role, agencyId);
    await trx
      .updateTable('users')
      .set({
        role,
        agency_id: agencyId,
        ...(change.displayName !== undefined ? { display_name: change.displayName } : {}),
        ...(change.disabled !== undefined ? { disabled_at: change.disabled ? sql<Date>`now()` : null } : {}),
        ...(change.password !== undefined ? { password_hash: await hashPassword(change.password) } : {}),
      })
      .where('id', '=', userId)
      .execute();
    // A change of role, agency, password or access must not leave an old session with old rights.
    await trx.deleteFrom('sessions').where('user_id', '=', userId).execute();
    return true;
  });
}

export interface ThrottlePolicy {
  maxFailures: number;
  lockSeconds: number;
}

export const DEFAULT_THROTTLE: ThrottlePolicy = { maxFailures: 5, lockSeconds: 15 * 60 };

/**
 * Sign-in throttling per e-mail address, whether or not an account has it, so a lockout tells
 * an attacker nothing about which addresses exist.
 */
export class SignInThrottle {
  constructor(
    private readonly db: Db,
    private readonly policy: ThrottlePolicy = DEFAULT_THROTTLE,
  ) {}

  /** When the address may try again, if it is locked now. */
  async lockedUntil(email: string): Promise<Date | null> {
    const row = await this.db
      .selectFrom('sign_in_throttle')
      .select('locked_until')
      .where('email', '=', normaliseEmail(email))
      .where('locked_until', '>', sql<Date>`now()`)
      .executeTakeFirst();
    return row?.locked_until ?? null;
  }

  /** Counts a failure; the failure that reaches the limit locks the address and restarts the count. */
  async recordFailure(email: string): Promise<void> {
    const { maxFailures, lockSeconds } = this.policy;
    await sql`
      INSERT INTO sign_in_throttle AS t (email, failures, last_failure_at)
      VALUES (${normaliseEmail(email).slice(0, 320)}, 1, now())
      ON CONFLICT (email) DO UPDATE SET
        failures = CASE WHEN t.failures + 1 >= ${maxFailures} THEN 0 ELSE t.failures + 1 END,
        locked_until = CASE WHEN t.failures + 1 >= ${maxFailures}
          THEN now() + ${lockSeconds} * interval '1 second' ELSE t.locked_until END,
        last_failure_at = now()
    `.execute(this.db);
  }

  /** A successful sign-in, or an admin's unlock, forgets the failures. */
  async clear(email: string): Promise<void> {
    await this.db.deleteFrom('sign_in_throttle').where('email', '=', normaliseEmail(email)).execute();
  }
}
