import { closeInOrder, createLogger, loadConfig, onShutdownSignal, runMain } from '@netra/core';
import { connectDb } from '@netra/db';
import { startForwarder } from './forwarder.js';

runMain(async () => {
  const config = loadConfig(['DATABASE_URL', 'FORWARDER_SIGNING_SECRET']);
  const logger = createLogger('forwarder');
  const db = await connectDb(config.DATABASE_URL);
  const forwarder = startForwarder({ db, logger, signingSecret: config.FORWARDER_SIGNING_SECRET });
  // Finish the delivery in flight (its transaction records the attempt), then release the database.
  onShutdownSignal(() => closeInOrder([forwarder, { close: () => db.destroy() }], logger), logger);
  logger.info('forwarder started');
});
