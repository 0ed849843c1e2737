import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { ConfigError, errorMessage, redactUrl, type Logger } from '@netra/core';
import type { Database } from './schema.js';

export type Db = Kysely<Database>;

// Dates as text: a DATE column means a calendar day, not a midnight in the server's time zone.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);

export interface DbOptions {
  max?: number;
  /** Told when a pooled connection dies (a Postgres restart): the pool drops it and goes on. */
  logger?: Logger;
}

/** A new connection that cannot be made within this long fails its query instead of hanging. */
const CONNECT_TIMEOUT_MS = 10_000;

export function createDb(databaseUrl: string, options: DbOptions = {}): Db {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: options.max ?? 10, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  // Without a listener, an idle client's 'error' (the server restarted or cut it) is an
  // unhandled event that kills the process. The pool has already discarded that client; the
  // next query opens a fresh connection, and a query that was running fails on its own.
  const lost = (error: Error) => options.logger?.warn({ err: error.message }, 'postgres connection lost; the pool reconnects on next use');
  pool.on('error', lost);
  // The pool listens only while a client is idle. A checked-out one (a transaction waiting on
  // our code between statements) that loses its socket emits 'error' too: its queries already
  // fail, the pool discards it on release, and this listener keeps that from killing the process.
  pool.on('connect', (client) => client.on('error', lost));
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

/**
 * Opens the database and proves it answers, so a wrong DATABASE_URL stops a service at start
 * with one line naming the setting instead of failing on the first job.
 */
export async function connectDb(databaseUrl: string, options: DbOptions = {}): Promise<Db> {
  const db = createDb(databaseUrl, options);
  try {
    await db.selectNoFrom((eb) => eb.lit(1).as('ok')).execute();
    return db;
  } catch (error) {
    await db.destroy().catch(() => undefined);
    throw new ConfigError('DATABASE_URL', `cannot connect to ${redactUrl(databaseUrl)} (${errorMessage(error)})`);
  }
}
