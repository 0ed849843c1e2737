import { closeInOrder, createLogger, loadConfig, onShutdownSignal, runMain } from '@netra/core';
import { connectDb } from '@netra/db';
import { openMediaStore } from '@netra/media';
import { connectRedis } from '@netra/queue';
import { buildReviewApp } from './app.js';
import { startReviewOperations } from './ops/operations.js';

runMain(async () => {
  const config = loadConfig(['DATABASE_URL', 'REVIEW_HOST', 'REVIEW_PORT', 'REVIEW_INSECURE_COOKIES', 'REVIEW_CLAIM_LEASE_SECONDS',
    'REDIS_URL', 'REDIS_PREFIX', 'METRICS_HOST', 'METRICS_PORT', 'STATS_REFRESH_SECONDS', 'DEPENDENCY_DOWN_EXIT_SECONDS', 'OUTBOUND_ALLOWED_ADDRESSES', 'REVIEW_TRUSTED_PROXIES', 'REVIEW_SECOND_FACTOR', 'MEDIA_DIR',
    'MEDIA_S3_BUCKET', 'MEDIA_S3_ENDPOINT', 'MEDIA_S3_REGION', 'MEDIA_S3_ACCESS_KEY_ID', 'MEDIA_S3_SECRET_ACCESS_KEY']);
  const logger = createLogger('review');
  const db = await connectDb(config.DATABASE_URL, { logger });
  const app = buildReviewApp({
    db,
    logger,
    insecureCookies: config.REVIEW_INSECURE_COOKIES,
    claimLeaseSeconds: config.REVIEW_CLAIM_LEASE_SECONDS,
    outbound: { allowed: config.OUTBOUND_ALLOWED_ADDRESSES },
    trustedProxies: config.REVIEW_TRUSTED_PROXIES,
    secondFactor: config.REVIEW_SECOND_FACTOR,
    media: openMediaStore(config),
  });
  const redis = await connectRedis(config.REDIS_URL, { logger });
  const operations = await startReviewOperations({
    app,
    db,
    redis,
    redisPrefix: config.REDIS_PREFIX,
    insecureCookies: config.REVIEW_INSECURE_COOKIES,
    secondFactor: config.REVIEW_SECOND_FACTOR,
    logger,
    statsRefreshSeconds: config.STATS_REFRESH_SECONDS,
    metrics: { host: config.METRICS_HOST, port: config.METRICS_PORT },
    exitAfterDependencyDownMs: config.DEPENDENCY_DOWN_EXIT_SECONDS * 1000,
  });
  // Stop taking requests first (in-flight ones finish), then the refresh loop, then connections.
  onShutdownSignal(
    () => closeInOrder([app, operations, { close: async () => void redis.disconnect() }, { close: () => db.destroy() }], logger),
    logger,
  );
  await app.listen({ host: config.REVIEW_HOST, port: config.REVIEW_PORT });
  if (config.REVIEW_INSECURE_COOKIES) logger.warn('session cookies are not marked Secure (REVIEW_INSECURE_COOKIES=true)');
});
