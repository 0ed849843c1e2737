import { sql, type Kysely } from 'kysely';

/**
 * Handles are case-insensitive on every platform Netra reads (Mastodon accts, Bluesky handles,
 * X usernames), yet `SLAMETK` and `slametk` were two registered accounts. Handles are stored
 * lowercased from now on, and the database holds it so. Should an existing registry hold one
 * handle in two spellings, this migration stops with Postgres naming the duplicate key: merge
 * the two accounts, then migrate again.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    UPDATE social_accounts SET handle = lower(handle) WHERE handle <> lower(handle);
    ALTER TABLE social_accounts ADD CONSTRAINT social_accounts_handle_lowercase CHECK (handle = lower(handle));
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Netra migrations are forward-only');
}
