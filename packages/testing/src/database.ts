import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { createDb, type Db } from '@netra/db';
import { adminDatabaseUrl, databaseUrlFor } from './urls.js';

export interface TestDatabase {
  db: Db;
  url: string;
  name: string;
  drop(): Promise<void>;
}

/** A fresh, migrated database of this test run's own, cloned from the run's template. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `netra_t_${inject('runId')}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminDatabaseUrl });
  await admin.connect();
  try {
    await cloneTemplate(admin, name, inject('templateDatabase'));
  } finally {
    await admin.end();
  }
  const url = databaseUrlFor(name);
  const db = createDb(url, { max: 5 });
  return {
    db,
    url,
    name,
    async drop() {
      await db.destroy();
      const client = new pg.Client({ connectionString: adminDatabaseUrl });
      await client.connect();
      // pg-pool's end() resolves before the server has seen every Terminate; a FORCE drop would
      // then kill a closing connection, whose FATAL surfaces as an unhandled error. Wait briefly.
      for (let tries = 0; tries < 50; tries++) {
        const { rows } = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1', [name]);
        if (rows[0]!.n === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

async function cloneTemplate(admin: pg.Client, name: string, template: string): Promise<void> {
  // Two files cloning at the same instant can see "source database is being accessed": retry.
  for (let attempt = 1; ; attempt++) {
    try {
      await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
      return;
    } catch (error) {
      if (attempt >= 20 || !String(error).includes('being accessed by other users')) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
    }
  }
}
