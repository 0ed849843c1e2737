import { hashPassword, InvalidInputError, type Role } from '@netra/core';
import type { Db } from '../connection.js';

export interface NewUser {
  email: string;
  displayName: string;
  role: Role;
  /** Required for reviewer and supervisor (the database checks it too). */
  agencyId?: number | null;
  password: string;
}

const MIN_PASSWORD_LENGTH = 8;

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Creates a user with a hashed password; for the demo, seeding and an admin CLI. */
export async function createUser(db: Db, user: NewUser): Promise<{ id: number }> {
  if (user.password.length < MIN_PASSWORD_LENGTH) {
    throw new InvalidInputError(`a password needs at least ${MIN_PASSWORD_LENGTH} characters`);
  }
  return db
    .insertInto('users')
    .values({
      email: normaliseEmail(user.email),
      display_name: user.displayName,
      role: user.role,
      agency_id: user.agencyId ?? null,
      password_hash: await hashPassword(user.password),
      disabled_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}
