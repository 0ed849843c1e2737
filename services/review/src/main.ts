import { closeInOrder, createLogger, loadConfig, onShutdownSignal, runMain } from '@netra/core';
import { connectDb } from '@netra/db';
import { buildReviewApp } from './app.js';

runMain(async () => {
  const config = loadConfig(['DATABASE_URL', 'REVIEW_HOST', 'REVIEW_PORT', 'REVIEW_INSECURE_COOKIES']);
  const logger = createLogger('review');
  const db = await connectDb(config.DATABASE_URL);
  const app = buildReviewApp({ db, logger, insecureCookies: config.REVIEW_INSECURE_COOKIES });
  // Stop taking requests first (in-flight ones finish), then release the database.
  onShutdownSignal(() => closeInOrder([app, { close: () => db.destroy() }], logger), logger);
  await app.listen({ host: config.REVIEW_HOST, port: config.REVIEW_PORT });
  if (config.REVIEW_INSECURE_COOKIES) logger.warn('session cookies are not marked Secure (REVIEW_INSECURE_COOKIES=true)');
});
