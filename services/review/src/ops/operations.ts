import type { Worker } from 'bullmq';
import { startLoop, type Closeable, type Logger } from '@netra/core';
import type { Db } from '@netra/db';
import { observeService, postgresAnswers, recordReviewBacklog, recordStatsRefresh, redisAnswers } from '@netra/observability';
import { createQueues, queueNames, type Redis } from '@netra/queue';
import { backlogByAge, startStatsRefresher, unrestrictedScope } from '@netra/stats';
import type { ReviewApp } from '../app.js';
import { sessionCookie } from '../auth/request-session.js';
import type { SecondFactorPolicy } from '../auth/second-factor.js';
import { queueDashboard } from './queue-dashboard.js';

const DEFAULT_BACKLOG_METRICS_SECONDS = 30;

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
  /** The app's second-factor policy, which the queue dashboard's sign-in check follows too. */
  secondFactor: SecondFactorPolicy;
  logger: Logger;
  statsRefreshSeconds: number;
  /** How often the review backlog gauges are re-read; default 30 s. */
  backlogMetricsSeconds?: number;
  metrics: { host: string; port: number };
  /** A standalone service exits after a dependency is down this long; unset (the demo): never. */
  exitAfterDependencyDownMs?: number;
  /** Workers running in this same process (the demo's), to be counted too. */
  workers?: readonly Worker[];
}): Promise<Closeable> {
  const { app, db, redis, logger } = options;
  const queues = createQueues(redis, options.redisPrefix);
  app.register(queueDashboard({ db, cookie: sessionCookie(options.insecureCookies), secondFactor: options.secondFactor, queues: queueNames.map((name) => queues.queue(name)) }));
  const refresher = startStatsRefresher({ db, logger, intervalMs: options.statsRefreshSeconds * 1000, onRefreshed: recordStatsRefresh });
  // Live from review_items in every replica (not only the one holding the refresh lock), so an
  // alert sees reviewers falling behind whichever replica Prometheus scrapes.
  const backlogGauges = startLoop({
    name: 'review backlog metrics',
    intervalMs: (options.backlogMetricsSeconds ?? DEFAULT_BACKLOG_METRICS_SECONDS) * 1000,
    logger,
    round: async () => {
      const { rows } = await backlogByAge(db, { byAgency: true }, {}, unrestrictedScope);
      recordReviewBacklog(
        rows.map((row) => ({ agency: String(row.agency_code), undecided: Number(row.undecided), oldestAgeSeconds: Number(row.oldest_age_hours) * 3600 })),
      );
    },
  });
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
      await backlogGauges.close();
      await refresher.close();
      await observed.close();
      await queues.close();
    },
  };
}
