import { sql, type Kysely } from 'kysely';

/**
 * Sessions end after 30 minutes without the person doing anything (ASVS 3.3.2), not only 12
 * hours after sign-in: a workstation left open in an agency office must not stay signed in to
 * names and NIPs all day.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE sessions ADD COLUMN last_seen_at timestamptz NOT NULL DEFAULT now()`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Netra migrations are forward-only');
}
