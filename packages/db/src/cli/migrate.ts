import { createLogger, loadConfig, parseCommandLine, runMain } from '@netra/core';
import { connectDb } from '../connection.js';
import { migrateToLatest } from '../migrate.js';

const usage = `usage: npm run -s migrate
Brings DATABASE_URL's schema up to the latest migration (migrations/); safe to run again.`;

runMain(async () => {
  parseCommandLine(usage, { options: {} });
  const { DATABASE_URL } = loadConfig(['DATABASE_URL']);
  const logger = createLogger('migrate');
  const db = await connectDb(DATABASE_URL, { max: 1 });
  try {
    const { results = [] } = await migrateToLatest(db);
    for (const r of results) logger.info({ migration: r.migrationName, status: r.status }, 'migration');
    logger.info({ applied: results.length }, 'schema is up to date');
  } finally {
    await db.destroy();
  }
});
