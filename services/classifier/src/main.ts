import { closeInOrder, createLogger, loadConfig, onShutdownSignal, runMain } from '@netra/core';
import { connectDb } from '@netra/db';
import { observeService, postgresAnswers, redisAnswers } from '@netra/observability';
import { connectRedis } from '@netra/queue';
import { buildClassifyDeps } from './build-deps.js';
import { startClassifyWorker } from './worker.js';

runMain(async () => {
  const config = loadConfig(['DATABASE_URL', 'REDIS_URL', 'REDIS_PREFIX', 'METRICS_HOST', 'METRICS_PORT', 'DEPENDENCY_DOWN_EXIT_SECONDS']);
  const logger = createLogger('classifier');
  const db = await connectDb(config.DATABASE_URL, { max: 4, logger });
  const redis = await connectRedis(config.REDIS_URL, { logger });
  const worker = startClassifyWorker(await buildClassifyDeps(db, logger), { connection: redis, prefix: config.REDIS_PREFIX });
  const observed = await observeService({
    service: 'classifier',
    logger,
    host: config.METRICS_HOST,
    port: config.METRICS_PORT,
    exitAfterDependencyDownMs: config.DEPENDENCY_DOWN_EXIT_SECONDS * 1000,
    checks: { postgres: postgresAnswers(db), redis: redisAnswers(redis) },
    workers: [worker],
  });
  logger.info('classify worker started');
  onShutdownSignal(
    () => closeInOrder([worker, observed, { close: async () => void redis.disconnect() }, { close: () => db.destroy() }], logger),
    logger,
  );
});
