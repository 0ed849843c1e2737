import { sql, type Kysely } from 'kysely';

/**
 * A second factor (TOTP, RFC 6238) for accounts that see civil servants' names and NIPs (ASVS
 * 2.8): the shared secret, confirmed once the person has typed a first code, the last time step
 * used (a code is good once), and single-use recovery codes, stored as hashes only.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE user_totp (
      user_id        integer PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
      secret_base32  text NOT NULL,
      created_at     timestamptz NOT NULL DEFAULT now(),
      -- Null until the person has proved, with a code, that their authenticator holds the secret.
      confirmed_at   timestamptz,
      last_used_step bigint NOT NULL DEFAULT 0
    );
    CREATE TABLE user_recovery_codes (
      user_id     integer NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      code_sha256 char(64) NOT NULL,
      used_at     timestamptz,
      PRIMARY KEY (user_id, code_sha256)
    );
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Netra migrations are forward-only');
}
