import { closeInOrder, createLogger, loadConfig, onShutdownSignal, runMain } from '@netra/core';
import { connectDb } from '@netra/db';
import { observeService, postgresAnswers, redisAnswers } from '@netra/observability';
import { openMediaStore } from '@netra/media';
import { connectRedis, createQueues } from '@netra/queue';
import { buildCaptureDeps, buildMediaDeps } from './build-deps.js';
import { startCaptureWorker, startMediaWorker } from './worker.js';

runMain(async () => {
  const config = loadConfig([
    'DATABASE_URL',
    'REDIS_URL',
    'REDIS_PREFIX',
    'MASTODON_BASE_URL',
    'BLUESKY_BASE_URL',
    'X_API_BASE_URL',
    'MEDIA_DIR',
    'MEDIA_S3_BUCKET',
    'MEDIA_S3_ENDPOINT',
    'MEDIA_S3_REGION',
    'MEDIA_S3_ACCESS_KEY_ID',
    'MEDIA_S3_SECRET_ACCESS_KEY',
    'MEDIA_HOSTS',
    'CHROMIUM_PATH',
    'OUTBOUND_ALLOWED_ADDRESSES',
    'METRICS_HOST',
    'METRICS_PORT',
    'DEPENDENCY_DOWN_EXIT_SECONDS',
  ]);
  const logger = createLogger('media');
  const db = await connectDb(config.DATABASE_URL, { max: 2, logger });
  const redis = await connectRedis(config.REDIS_URL, { logger });
  const queues = createQueues(redis, config.REDIS_PREFIX);
  const deps = buildMediaDeps({
    db,
    queues,
    logger,
    store: openMediaStore(config),
    apiBaseUrls: { mastodon: config.MASTODON_BASE_URL, bluesky: config.BLUESKY_BASE_URL, x: config.X_API_BASE_URL },
    extraHosts: config.MEDIA_HOSTS,
    outbound: { allowed: config.OUTBOUND_ALLOWED_ADDRESSES },
  });
  const outbound = { allowed: config.OUTBOUND_ALLOWED_ADDRESSES };
  const capture = buildCaptureDeps(deps, { db, chromiumPath: config.CHROMIUM_PATH, outbound });
  const workers = [startMediaWorker(deps, { connection: redis, prefix: config.REDIS_PREFIX }), startCaptureWorker(capture, { connection: redis, prefix: config.REDIS_PREFIX })];
  const observed = await observeService({
    service: 'media',
    logger,
    host: config.METRICS_HOST,
    port: config.METRICS_PORT,
    exitAfterDependencyDownMs: config.DEPENDENCY_DOWN_EXIT_SECONDS * 1000,
    checks: { postgres: postgresAnswers(db), redis: redisAnswers(redis) },
    workers,
  });
  logger.info({ store: config.MEDIA_S3_BUCKET ? `s3:${config.MEDIA_S3_BUCKET}` : config.MEDIA_DIR }, 'media and report capture workers started');
  onShutdownSignal(
    () => closeInOrder([...workers, capture.browser, observed, queues, { close: async () => void redis.disconnect() }, { close: () => db.destroy() }], logger),
    logger,
  );
});
