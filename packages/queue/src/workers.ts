import { UnrecoverableError, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { withLogContext, type Logger, type Platform } from '@netra/core';
import { jobDefinitions, physicalQueueName, type JobName, type JobPayload, type JobsOfQueue, type QueueName } from './jobs.js';

/** `token` is the worker's lock on the job, needed to move it while it runs (say, to delayed). */
export type JobHandler<N extends JobName> = (payload: JobPayload<N>, job: Job, token?: string) => Promise<void>;
export type HandlerMap<Q extends QueueName> = { [N in JobsOfQueue<Q>]: JobHandler<N> };

export interface WorkerOptions {
  connection: Redis;
  prefix: string;
  logger: Logger;
  concurrency?: number;
  /** For a queue split per platform (ingest): which platform's queue this worker serves. */
  partition?: Platform;
}

/** Whether this run of a job is its last: a handler records a passing failure as final instead of throwing. */
export function isLastAttempt(job: Job): boolean {
  return job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
}

/** The same worker error is logged at most once in this long. */
const repeatedErrorQuietMs = 60_000;

/**
 * One worker per queue, dispatching on job name through a typed handler map. Start-up fails
 * loudly if a job of this queue has no handler; a payload that does not validate fails the job
 * at once (retrying cannot fix it) with the reason kept on the failed job.
 */
export function startWorker<Q extends QueueName>(queue: Q, handlers: HandlerMap<Q>, options: WorkerOptions): Worker {
  const expected = (Object.keys(jobDefinitions) as JobName[]).filter((n) => jobDefinitions[n].queue === queue);
  const missing = expected.filter((name) => typeof (handlers as Record<string, unknown>)[name] !== 'function');
  if (missing.length > 0) throw new Error(`queue ${queue}: no handler for job(s) ${missing.join(', ')}`);

  const worker = new Worker(
    physicalQueueName(queue, options.partition),
    async (job: Job, token?: string) => {
      const name = job.name as JobName;
      const definition = jobDefinitions[name];
      if (!definition || definition.queue !== queue) {
        throw new UnrecoverableError(`queue ${queue} has no job named "${job.name}"`);
      }
      const parsed = definition.payload.safeParse(job.data);
      if (!parsed.success) {
        throw new UnrecoverableError(`job ${job.name} ${job.id}: invalid payload: ${parsed.error.issues[0]?.message}`);
      }
      const handler = (handlers as Record<string, JobHandler<JobName>>)[name]!;
      // Every line logged while the job runs names it (queue, job, jobId, attempt).
      await withLogContext({ queue: job.queueName, job: job.name, jobId: job.id, attempt: job.attemptsMade + 1 }, () =>
        handler(parsed.data as JobPayload<JobName>, job, token),
      );
    },
    { connection: options.connection, prefix: options.prefix, concurrency: options.concurrency ?? 1 },
  );
  worker.on('failed', (job, error) => {
    options.logger.warn(
      { queue, job: job?.name, jobId: job?.id, attempt: job?.attemptsMade, err: error.message },
      'job failed',
    );
  });
  // During a Redis outage a worker reports the same error on every reconnect attempt: once is enough.
  const reported = new Map<string, number>();
  worker.on('error', (error) => {
    const last = reported.get(error.message);
    if (last !== undefined && Date.now() - last < repeatedErrorQuietMs) return;
    reported.set(error.message, Date.now());
    options.logger.error({ queue, err: error.message }, 'worker error');
  });
  return worker;
}
