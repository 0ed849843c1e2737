import { closeInOrder, createLogger, loadConfig, onShutdownSignal, runMain } from '@netra/core';
import { connectDb } from '@netra/db';
import { observeService, postgresAnswers, redisAnswers } from '@netra/observability';
import { connectRedis, createQueues } from '@netra/queue';
import { buildIngestDeps } from './build-deps.js';
import { startIngestWorkers } from './worker.js';

runMain(async () => {
  const config = loadConfig([
    'DATABASE_URL',
    'REDIS_URL',
    'REDIS_PREFIX',
    'MASTODON_BASE_URL',
    'BLUESKY_BASE_URL',
    'X_API_BASE_URL',
    'X_BEARER_TOKEN',
    'POLL_INTERVAL_SECONDS',
    'METRICS_HOST',
    'METRICS_PORT',
    'DEPENDENCY_DOWN_EXIT_SECONDS',
  ]);
  const logger = createLogger('ingest');
  const db = await connectDb(config.DATABASE_URL, { logger });
  const redis = await connectRedis(config.REDIS_URL, { logger });
  const queues = createQueues(redis, config.REDIS_PREFIX);
  const x = config.X_BEARER_TOKEN ? { baseUrl: config.X_API_BASE_URL, bearerToken: config.X_BEARER_TOKEN } : undefined;
  if (!x) logger.warn('X_BEARER_TOKEN is not set: X accounts are not ingested');
  const deps = buildIngestDeps({
    db,
    redis,
    redisPrefix: config.REDIS_PREFIX,
    queues,
    endpoints: { mastodon: { baseUrl: config.MASTODON_BASE_URL }, bluesky: { baseUrl: config.BLUESKY_BASE_URL }, ...(x ? { x } : {}) },
    logger,
    pollIntervalSeconds: config.POLL_INTERVAL_SECONDS,
  });
  // One worker per platform, each on its own queue; I/O-bound, so several jobs in flight each.
  const workers = startIngestWorkers(deps, { connection: redis, prefix: config.REDIS_PREFIX, concurrency: 8 });
  const observed = await observeService({
    service: 'ingest',
    logger,
    host: config.METRICS_HOST,
    port: config.METRICS_PORT,
    exitAfterDependencyDownMs: config.DEPENDENCY_DOWN_EXIT_SECONDS * 1000,
    checks: { postgres: postgresAnswers(db), redis: redisAnswers(redis) },
    workers,
  });
  logger.info({ platforms: deps.connectors.platforms() }, 'ingest workers started');
  onShutdownSignal(
    () => closeInOrder([...workers, observed, queues, { close: async () => void redis.disconnect() }, { close: () => db.destroy() }], logger),
    logger,
  );
});
