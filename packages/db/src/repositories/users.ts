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
    .select(['u.id', 'u.email', 'u.display_name', 'u.role', 'u.agency_id', 'a.code as agency_code', 'u.disabled_at'])
    // The latest lock of the address from any client: what an admin may want to lift.
    .select((eb) =>
      eb.selectFrom('sign_in_throttle as t').whereRef('t.email', '=', 'u.email').select((t) => t.fn.max('t.locked_until').as('m')).as('locked_until'),
    )
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
  /** Failures of one address from one client before that pair is locked. */
  maxFailures: number;
  /** Failures from one client, whatever the addresses, before the client is locked (password spraying). */
  maxClientFailures: number;
  /** The first lock; each further one of the same pair (or client) lasts twice as long, up to the max. */
  firstLockSeconds: number;
  maxLockSeconds: number;
  /** Failures older than this are forgotten; locks older than a day are too. */
  failureWindowSeconds: number;
}

export const DEFAULT_THROTTLE: ThrottlePolicy = {
  maxFailures: 5,
  maxClientFailures: 20,
  firstLockSeconds: 60,
  maxLockSeconds: 60 * 60,
  failureWindowSeconds: 15 * 60,
};

/** The row that counts a client's failures across every address (no e-mail address is "*"). */
const ANY_ADDRESS = '*';

/**
 * Sign-in throttling per (e-mail address, client), whether or not an account has the address, so
 * a lockout tells an attacker nothing about which addresses exist. Per client, so an attacker who
 * knows (or guesses) a reviewer's address cannot lock the reviewer out: the reviewer's own client
 * has its own count. A client failing across many addresses (spraying one password over a whole
 * agency) is locked too. Each further lock doubles (1, 2, 4 … 60 min), so guessing gets slower
 * and slower. Only failures count: colleagues signing in behind one office address are not slowed.
 */
export class SignInThrottle {
  constructor(
    private readonly db: Db,
    private readonly policy: ThrottlePolicy = DEFAULT_THROTTLE,
  ) {}

  /** When this client may try this address again, if it is locked now (for the address or for all). */
  async lockedUntil(email: string, client: string): Promise<Date | null> {
    const row = await this.db
      .selectFrom('sign_in_throttle')
      .select((eb) => eb.fn.max('locked_until').as('until'))
      .where('email', 'in', [normaliseEmail(email), ANY_ADDRESS])
      .where('client', '=', client)
      .where('locked_until', '>', sql<Date>`now()`)
      .executeTakeFirst();
    return row?.until ?? null;
  }

  /** Counts a failure for the pair and for the client; reaching a limit locks and restarts that count. */
  async recordFailure(email: string, client: string): Promise<void> {
    await this.count(normaliseEmail(email).slice(0, 320), client, this.policy.maxFailures);
    await this.count(ANY_ADDRESS, client, this.policy.maxClientFailures);
  }

  private async count(email: string, client: string, maxFailures: number): Promise<void> {
    const { firstLockSeconds, maxLockSeconds, failureWindowSeconds } = this.policy;
    const failures = sql<number>`(CASE WHEN t.last_failure_at < now() - ${failureWindowSeconds} * interval '1 second' THEN 1 ELSE t.failures + 1 END)`;
    const locks = sql<number>`(CASE WHEN t.last_failure_at < now() - interval '1 day' THEN 0 ELSE t.locks END)`;
    const reached = sql<boolean>`(${failures} >= ${maxFailures})`;
    await sql`
      INSERT INTO sign_in_throttle AS t (email, client, failures, locks, last_failure_at)
      VALUES (${email}, ${client}, 1, 0, now())
      ON CONFLICT (email, client) DO UPDATE SET
        failures = CASE WHEN ${reached} THEN 0 ELSE ${failures} END,
        locks = CASE WHEN ${reached} THEN ${locks} + 1 ELSE ${locks} END,
        locked_until = CASE WHEN ${reached}
          THEN now() + least(${firstLockSeconds} * power(2, ${locks}), ${maxLockSeconds}) * interval '1 second'
          ELSE t.locked_until END,
        last_failure_at = now()
    `.execute(this.db);
  }

  /** A successful sign-in forgets this client's failures. */
  async clearClient(email: string, client: string): Promise<void> {
    await this.db.deleteFrom('sign_in_throttle').where('email', '=', normaliseEmail(email)).where('client', '=', client).execute();
  }

  /** An admin's unlock forgets the address's failures and locks from every client. */
  async clear(email: string): Promise<void> {
    await this.db.deleteFrom('sign_in_throttle').where('email', '=', normaliseEmail(email)).execute();
  }
}

/** The user signing in with this e-mail, with what the password check and the session need. */
export async function userForSignIn(db: Db, email: string) {
  return db
    .selectFrom('users')
    .select(['id', 'email', 'display_name', 'role', 'agency_id', 'password_hash', 'disabled_at'])
    .where('email', '=', normaliseEmail(email))
    .executeTakeFirst();
}

export async function userIdByEmail(db: Db, email: string): Promise<number | undefined> {
  return (await db.selectFrom('users').select('id').where('email', '=', normaliseEmail(email)).executeTakeFirst())?.id;
}

export async function emailOfUser(db: Db, userId: number): Promise<string> {
  return (await db.selectFrom('users').select('email').where('id', '=', userId).executeTakeFirstOrThrow()).email;
}
