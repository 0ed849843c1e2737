import { closeInOrder, createLogger, loadConfig, onShutdownSignal, runMain } from '@netra/core';
import { connectDb, SocialAccountRepository } from '@netra/db';
import { connectRedis, createQueues } from '@netra/queue';
import { startScheduler } from './scheduler.js';

runMain(async () => {
  const config = loadConfig(['DATABASE_URL', 'REDIS_URL', 'REDIS_PREFIX', 'SCHEDULER_INTERVAL_SECONDS', 'POLL_INTERVAL_SECONDS']);
  const logger = createLogger('scheduler');
  const db = await connectDb(config.DATABASE_URL, { max: 2 });
  const redis = await connectRedis(config.REDIS_URL);
  const queues = createQueues(redis, config.REDIS_PREFIX);
  const scheduler = startScheduler({
    accounts: new SocialAccountRepository(db),
    queues,
    logger,
    pollIntervalSeconds: config.POLL_INTERVAL_SECONDS,
    intervalMs: config.SCHEDULER_INTERVAL_SECONDS * 1000,
  });
  logger.info('scheduler started');
  onShutdownSignal(
    () => closeInOrder([scheduler, queues, { close: async () => void redis.disconnect() }, { close: () => db.destroy() }], logger),
    logger,
  );
});
