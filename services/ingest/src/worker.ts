import { UnrecoverableError, Worker, type Job } from 'bullmq';
import { PlatformError } from '@netra/connectors';
import { startWorker, type JobHandler, type WorkerOptions } from '@netra/queue';
import type { IngestDeps } from './deps.js';
import { pollAccountHandler } from './poll-account.js';
import { watchAccountHandler } from './watch-account.js';

/**
 * The ingest worker. A platform's 429 pauses the whole ingest queue for the time the platform
 * asked (BullMQ's queue-level rate limit) rather than sleeping inside the worker; a malformed
 * response fails the job at once with its reason, since retrying the same call cannot fix it.
 */
export function startIngestWorker(deps: IngestDeps, options: Omit<WorkerOptions, 'logger'>): Worker {
  let worker: Worker | undefined;
  const guarded =
    <N extends 'poll-account' | 'watch-account'>(handler: JobHandler<N>): JobHandler<N> =>
    async (payload, job: Job) => {
      try {
        await handler(payload, job);
      } catch (error) {
        if (!(error instanceof PlatformError)) throw error;
        if (error.platformCode === 'RATE_LIMITED' && worker) {
          const waitMs = error.context.retryAfterMs ?? 60_000;
          deps.logger.warn({ job: job.name, jobId: job.id, waitMs }, 'platform rate limit: pausing ingest queue');
          await worker.rateLimit(waitMs);
          throw Worker.RateLimitError();
        }
        if (error.platformCode === 'MALFORMED') throw new UnrecoverableError(error.message);
        throw error;
      }
    };
  worker = startWorker(
    'ingest',
    { 'poll-account': guarded(pollAccountHandler(deps)), 'watch-account': guarded(watchAccountHandler(deps)) },
    { ...options, logger: deps.logger },
  );
  return worker;
}
