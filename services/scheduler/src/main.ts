import { closeInOrder, createLogger, loadConfig, onShutdownSignal, runMain } from '@netra/core';
import { connectDb, SocialAccountRepository, WatchedPostRepository } from '@netra/db';
import { observeService, postgresAnswers, redisAnswers } from '@netra/observability';
import { connectRedis, createQueues, PlatformParking } from '@netra/queue';
import { startScheduler } from './scheduler.js';

runMain(async () => {
  const config = loadConfig(['DATABASE_URL', 'REDIS_URL', 'REDIS_PREFIX', 'SCHEDULER_INTERVAL_SECONDS', 'POLL_INTERVAL_SECONDS', 'METRICS_HOST', 'METRICS_PORT']);
  const logger = createLogger('scheduler');
  const db = await connectDb(config.DATABASE_URL, { max: 2 });
  const redis = await connectRedis(config.REDIS_URL);
  const queues = createQueues(redis, config.REDIS_PREFIX);
  const scheduler = startScheduler({
    accounts: new SocialAccountRepository(db),
    watchedPosts: new WatchedPostRepository(db),
    queues,
    parking: new PlatformParking(redis, queues, config.REDIS_PREFIX),
    logger,
    pollIntervalSeconds: config.POLL_INTERVAL_SECONDS,
    intervalMs: config.SCHEDULER_INTERVAL_SECONDS * 1000,
  });
  const observed = await observeService({
    service: 'scheduler',
    logger,
    host: config.METRICS_HOST,
    port: config.METRICS_PORT,
    checks: { postgres: postgresAnswers(db), redis: redisAnswers(redis) },
  });
  logger.info('scheduler started');
  onShutdownSignal(
    () => closeInOrder([scheduler, observed, queues, { close: async () => void redis.disconnect() }, { close: () => db.destroy() }], logger),
    logger,
  );
});
