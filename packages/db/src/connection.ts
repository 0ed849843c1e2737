import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { ConfigError, errorMessage, redactUrl } from '@netra/core';
import type { Database } from './schema.js';

export type Db = Kysely<Database>;

// Dates as text: a DATE column means a calendar day, not a midnight in the server's time zone.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);

export function createDb(databaseUrl: string, options: { max?: number } = {}): Db {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: options.max ?? 10 });
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

/**
 * Opens the database and proves it answers, so a wrong DATABASE_URL stops a service at start
 * with one line naming the setting instead of failing on the first job.
 */
export async function connectDb(databaseUrl: string, options: { max?: number } = {}): Promise<Db> {
  const db = createDb(databaseUrl, options);
  try {
    await db.selectNoFrom((eb) => eb.lit(1).as('ok')).execute();
    return db;
  } catch (error) {
    await db.destroy().catch(() => undefined);
    throw new ConfigError('DATABASE_URL', `cannot connect to ${redactUrl(databaseUrl)} (${errorMessage(error)})`);
  }
}
