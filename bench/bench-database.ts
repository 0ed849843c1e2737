import pg from 'pg';
import { connectDb, migrateToLatest, type Db } from '@netra/db';

const adminUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * A freshly created, migrated database for one benchmark run; dropped by `drop()`. Named after
 * this process, so two benchmark runs on one server never drop each other's database.
 */
export async function freshBenchDatabase(purpose = 'main'): Promise<{ db: Db; url: string; drop(): Promise<void> }> {
  const name = `netra_bench_${purpose}_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = await connectDb(url.toString(), { max: 8 });
  await migrateToLatest(db);
  return {
    db,
    url: url.toString(),
    async drop() {
      await db.destroy();
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

/** Seconds since `start` (from performance.now()). */
export const secondsSince = (start: number) => (performance.now() - start) / 1000;
