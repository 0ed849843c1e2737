import { DelayedError, UnrecoverableError, type Job, type Worker } from 'bullmq';
import type { Platform } from '@netra/core';
import { PlatformError } from '@netra/connectors';
import { physicalQueueName, startWorker, type JobHandler, type WorkerOptions } from '@netra/queue';
import { checkPostHandler } from './check-post.js';
import type { IngestDeps } from './deps.js';
import { pollAccountHandler } from './poll-account.js';
import { watchAccountHandler } from './watch-account.js';

/** No single wait is longer than this; a longer window is re-learnt from the platform's next answer. */
const maxWaitMs = 15 * 60_000;
const defaultWaitMs = 60_000;
/** A parked job whose cap gives no end is looked at again this often (it then waits in the paused queue). */
const parkedRecheckMs = 60 * 60_000;

type IngestJob = 'poll-account' | 'watch-account' | 'check-post';

/**
 * One ingest worker per configured platform, each on its platform's own queue. How platform
 * answers become job outcomes:
 * - RATE_LIMITED on the platform's main host: that platform's queue is rate-limited in Redis
 *   for the time asked (BullMQ queue.rateLimit), and other platforms go on. On another host (a
 *   second Mastodon instance): that host's governor is paused, so other hosts go on too. Either
 *   way the job itself is delayed until the window reopens, without spending an attempt.
 * - CAP_EXCEEDED: the platform is parked (queue paused, reason kept, error logged); the job waits.
 * - MALFORMED: fails at once with its reason (retrying the same call cannot fix it).
 * - anything else (UNAVAILABLE...): retried with backoff; after the last attempt the job stays
 *   in BullMQ's failed set with its reason, and the account's last_error says it too.
 */
export function startIngestWorkers(deps: IngestDeps, options: Omit<WorkerOptions, 'logger' | 'partition'>): Worker[] {
  return deps.connectors.platforms().map((platform) => startPlatformWorker(deps, platform, options));
}

function startPlatformWorker(deps: IngestDeps, platform: Platform, options: Omit<WorkerOptions, 'logger' | 'partition'>): Worker {
  const queue = deps.queues.queue(physicalQueueName('ingest', platform));
  const guarded =
    <N extends IngestJob>(handler: JobHandler<N>): JobHandler<N> =>
    async (payload, job: Job, token) => {
      try {
        await handler(payload, job, token);
      } catch (error) {
        if (!(error instanceof PlatformError)) throw error;
        if (error.platformCode === 'RATE_LIMITED') return waitForWindow(error, job, token);
        if (error.platformCode === 'CAP_EXCEEDED') {
          deps.logger.error({ platform, reason: error.message }, 'platform usage cap exceeded: ingest parked for this platform');
          await deps.parking.park(platform, error.message, error.context.retryAfterMs);
          // Parked: the job waits (delayed, then in the paused queue) until the platform is resumed.
          return delay(job, token, error.context.retryAfterMs ?? parkedRecheckMs);
        }
        if (error.platformCode === 'MALFORMED') throw new UnrecoverableError(error.message);
        throw error;
      }
    };

  /**
   * The job waits in BullMQ's delayed set until the window reopens (visible, with its time; no
   * attempt spent). On the platform's main host the whole platform queue is rate-limited too;
   * on another host (a second Mastodon instance) only that host's governor is paused.
   */
  async function waitForWindow(error: PlatformError, job: Job, token: string | undefined): Promise<never> {
    const waitMs = Math.min(error.context.retryAfterMs ?? defaultWaitMs, maxWaitMs);
    const host = error.context.url ? new URL(error.context.url, 'http://unknown').host : undefined;
    if (host && host !== deps.connectors.defaultHost(platform)) {
      await deps.governor.pause(platform, host, waitMs, error.message);
      deps.logger.warn({ platform, host, waitMs }, 'rate limited by an instance: its jobs wait');
    } else {
      await queue.rateLimit(waitMs);
      deps.logger.warn({ platform, waitMs }, "rate limited: this platform's ingest queue waits");
    }
    return delay(job, token, waitMs);
  }

  async function delay(job: Job, token: string | undefined, waitMs: number): Promise<never> {
    await job.moveToDelayed(Date.now() + waitMs, token);
    throw new DelayedError();
  }

  const worker = startWorker(
    'ingest',
    {
      'poll-account': guarded(pollAccountHandler(deps)),
      'watch-account': guarded(watchAccountHandler(deps)),
      'check-post': guarded(checkPostHandler(deps)),
    },
    { ...options, partition: platform, logger: deps.logger },
  );
  // The last attempt failed: say so where an operator looks at the account, too.
  worker.on('failed', (job, error) => {
    const accountId = (job?.data as { accountId?: unknown } | undefined)?.accountId;
    const final = job !== undefined && (error instanceof UnrecoverableError || job.attemptsMade >= (job.opts.attempts ?? 1));
    if (final && typeof accountId === 'number') {
      void deps.accounts.recordFailure(accountId, `${job.name} failed: ${error.message}`).catch(() => undefined);
    }
  });
  return worker;
}
