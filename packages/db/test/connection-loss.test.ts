import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createDb } from '@netra/db';
import { adminDatabaseUrl, createTestDatabase, type TestDatabase } from '@netra/testing';

/** Issue 9: a Postgres restart killed services with "Unhandled 'error' event". */
let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.drop());

it('a connection cut while a transaction waits on our code fails that transaction, not the process, and the next query reconnects', async () => {
  const warnings: string[] = [];
  const logger = { warn: (_fields: object, message: string) => warnings.push(message) } as never;
  const db = createDb(t.url, { max: 2, logger });
  const admin = new pg.Client({ connectionString: adminDatabaseUrl });
  await admin.connect();
  try {
    const transaction = db.transaction().execute(async (trx) => {
      const { rows } = await backendPid(trx);
      // Between two statements the server ends this connection, as a restart does.
      await admin.query('SELECT pg_terminate_backend($1)', [rows[0]!.pid]);
      await waitUntil(() => warnings.length > 0);
      await backendPid(trx);
    });
    await expect(transaction).rejects.toThrow(/terminat|connection error/);
    expect(warnings[0]).toMatch(/connection lost/);
    const { rows } = await backendPid(db);
    expect(rows[0]!.pid).toBeGreaterThan(0);
  } finally {
    await admin.end();
    await db.destroy();
  }
});

const backendPid = (db: Kysely<any>) => sql<{ pid: number }>`SELECT pg_backend_pid() AS pid`.execute(db);

async function waitUntil(condition: () => boolean, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
