import { closeInOrder, createLogger, loadConfig, onShutdownSignal, runMain } from '@netra/core';
import { createMastodonConnector } from '@netra/connectors';
import { ActivityRepository, connectDb, SocialAccountRepository } from '@netra/db';
import { connectRedis, createQueues } from '@netra/queue';
import { startIngestWorker } from './worker.js';

runMain(async () => {
  const config = loadConfig(['DATABASE_URL', 'REDIS_URL', 'REDIS_PREFIX', 'MASTODON_BASE_URL']);
  const logger = createLogger('ingest');
  const db = await connectDb(config.DATABASE_URL);
  const redis = await connectRedis(config.REDIS_URL);
  const queues = createQueues(redis, config.REDIS_PREFIX);
  const worker = startIngestWorker(
    {
      connector: createMastodonConnector({ baseUrl: config.MASTODON_BASE_URL }),
      accounts: new SocialAccountRepository(db),
      activity: new ActivityRepository(db),
      queues,
      logger,
    },
    // I/O-bound: several polls in flight per process.
    { connection: redis, prefix: config.REDIS_PREFIX, concurrency: 8 },
  );
  logger.info('ingest worker started');
  onShutdownSignal(
    () => closeInOrder([worker, queues, { close: async () => void redis.disconnect() }, { close: () => db.destroy() }], logger),
    logger,
  );
});
