import { closeInOrder, createLogger, loadConfig, onShutdownSignal, runMain } from '@netra/core';
import { connectDb, MediaRepository, ReportRepository, SocialAccountRepository, UnclassifiedSubjectRepository, WatchedPostRepository } from '@netra/db';
import { observeService, postgresAnswers, redisAnswers } from '@netra/observability';
import { connectRedis, createQueues, PlatformParking, RedisEpoch } from '@netra/queue';
import { startScheduler } from './scheduler.js';

runMain(async () => {
  const config = loadConfig(['DATABASE_URL', 'REDIS_URL', 'REDIS_PREFIX', 'SCHEDULER_INTERVAL_SECONDS', 'POLL_INTERVAL_SECONDS', 'METRICS_HOST', 'METRICS_PORT', 'DEPENDENCY_DOWN_EXIT_SECONDS']);
  const logger = createLogger('scheduler');
  const db = await connectDb(config.DATABASE_URL, { max: 4, logger });
  const redis = await connectRedis(config.REDIS_URL, { logger });
  const queues = createQueues(redis, config.REDIS_PREFIX);
  const scheduler = startScheduler({
    accounts: new SocialAccountRepository(db),
    watchedPosts: new WatchedPostRepository(db),
    unclassified: new UnclassifiedSubjectRepository(db),
    media: new MediaRepository(db),
    reports: new ReportRepository(db),
    epoch: new RedisEpoch(redis, config.REDIS_PREFIX),
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
    exitAfterDependencyDownMs: config.DEPENDENCY_DOWN_EXIT_SECONDS * 1000,
    checks: { postgres: postgresAnswers(db), redis: redisAnswers(redis) },
  });
  logger.info('scheduler started');
  onShutdownSignal(
    () => closeInOrder([scheduler, observed, queues, { close: async () => void redis.disconnect() }, { close: () => db.destroy() }], logger),
    logger,
  );
});
