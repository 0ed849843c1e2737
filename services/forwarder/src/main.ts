import { closeInOrder, createLogger, loadConfig, onShutdownSignal, runMain } from '@netra/core';
import { connectDb } from '@netra/db';
import { observeService, postgresAnswers } from '@netra/observability';
import { startForwarder } from './forwarder.js';

runMain(async () => {
  const config = loadConfig([
    'DATABASE_URL',
    'FORWARDER_SIGNING_SECRET',
    'FORWARDER_POLL_SECONDS',
    'FORWARDER_RETRY_BASE_SECONDS',
    'FORWARDER_RETRY_MAX_SECONDS',
    'FORWARDER_REQUEST_TIMEOUT_SECONDS',
    'OUTBOUND_ALLOWED_ADDRESSES',
    'SMTP_URL',
    'SMTP_FROM',
    'METRICS_HOST',
    'METRICS_PORT',
    'DEPENDENCY_DOWN_EXIT_SECONDS',
  ]);
  const logger = createLogger('forwarder');
  const db = await connectDb(config.DATABASE_URL, { logger });
  const smtp = config.SMTP_URL ? { url: config.SMTP_URL, from: config.SMTP_FROM } : undefined;
  const forwarder = startForwarder({
    db,
    logger,
    signingSecret: config.FORWARDER_SIGNING_SECRET,
    outbound: { allowed: config.OUTBOUND_ALLOWED_ADDRESSES },
    smtp,
    pollIntervalMs: config.FORWARDER_POLL_SECONDS * 1000,
    baseBackoffMs: config.FORWARDER_RETRY_BASE_SECONDS * 1000,
    maxBackoffMs: config.FORWARDER_RETRY_MAX_SECONDS * 1000,
    requestTimeoutMs: config.FORWARDER_REQUEST_TIMEOUT_SECONDS * 1000,
  });
  const observed = await observeService({
    service: 'forwarder',
    logger,
    host: config.METRICS_HOST,
    port: config.METRICS_PORT,
    exitAfterDependencyDownMs: config.DEPENDENCY_DOWN_EXIT_SECONDS * 1000,
    checks: { postgres: postgresAnswers(db) },
  });
  // Finish the delivery in flight (its transaction records the attempt), then release the database.
  onShutdownSignal(() => closeInOrder([forwarder, observed, { close: () => db.destroy() }], logger), logger);
  logger.info('forwarder started');
});
