import pg from 'pg';
import { connectDb, migrateToLatest, type Db } from '@netra/db';

const adminUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** A freshly created, migrated database for one benchmark run; dropped by `drop()`. */
export async function freshBenchDatabase(name = 'netra_bench'): Promise<{ db: Db; drop(): Promise<void> }> {
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
