import type { Worker } from 'bullmq';
import type { Closeable, Logger } from '@netra/core';
import type { Db } from '@netra/db';
import { observeService, postgresAnswers, recordStatsRefresh, redisAnswers } from '@netra/observability';
import { createQueues, queueNames, type Redis } from '@netra/queue';
import { startStatsRefresher } from '@netra/stats';
import type { ReviewApp } from '../app.js';
import { sessionCookie } from '../auth/request-session.js';
import { queueDashboard } from './queue-dashboard.js';

/**
 * What the review service runs besides the workspace: the queue dashboard (mounted on the app,
 * so call this before it listens), the statistics refresh loop, and the health and metrics port.
 * Shared by main.ts and the demo. Close it after the app.
 */
export async function startReviewOperations(options: {
  app: ReviewApp;
  db: Db;
  redis: Redis;
  redisPrefix: string;
  insecureCookies: boolean;
  logger: Logger;
  statsRefreshSeconds: number;
  metrics: { host: string; port: number };
  /** A standalone service exits after a dependency is down this long; unset (the demo): never. */
  exitAfterDependencyDownMs?: number;
  /** Workers running in this same process (the demo's), to be counted too. */
  workers?: readonly Worker[];
}): Promise<Closeable> {
  const { app, db, redis, logger } = options;
  const queues = createQueues(redis, options.redisPrefix);
  app.register(queueDashboard({ db, cookie: sessionCookie(options.insecureCookies), queues: queueNames.map((name) => queues.queue(name)) }));
  const refresher = startStatsRefresher({ db, logger, intervalMs: options.statsRefreshSeconds * 1000, onRefreshed: recordStatsRefresh });
  const observed = await observeService({
    service: 'review',
    logger,
    ...options.metrics,
    checks: { postgres: postgresAnswers(db), redis: redisAnswers(redis) },
    ...(options.workers ? { workers: options.workers } : {}),
    ...(options.exitAfterDependencyDownMs === undefined ? {} : { exitAfterDependencyDownMs: options.exitAfterDependencyDownMs }),
  });
  return {
    async close() {
      await refresher.close();
      await observed.close();
      await queues.close();
    },
  };
}
