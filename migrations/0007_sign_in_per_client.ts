import { sql, type Kysely } from 'kysely';

/**
 * Sign-in throttling per address *and* client (issue #14). Locking an address for everyone let
 * five anonymous wrong passwords lock a reviewer out on election day, addresses being guessable.
 * Now failures count per (address, client), and each further lock of that pair lasts twice as
 * long as the one before; the victim signing in from their own client is not affected. Rows
 * from before this migration (client '') simply expire.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE sign_in_throttle
      ADD COLUMN client text NOT NULL DEFAULT '',
      -- How many times this pair has been locked lately: the next lock lasts 2^locks as long.
      ADD COLUMN locks integer NOT NULL DEFAULT 0;
    ALTER TABLE sign_in_throttle ALTER COLUMN client DROP DEFAULT;
    ALTER TABLE sign_in_throttle DROP CONSTRAINT sign_in_throttle_pkey;
    ALTER TABLE sign_in_throttle ADD PRIMARY KEY (email, client);
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Netra migrations are forward-only');
}
