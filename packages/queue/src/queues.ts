import { randomBytes } from 'node:crypto';
import { Queue, type Job, type JobsOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import { deduplicationKeyFor, isDeduplicated, jobDefinitions, queueNames, queueOfJob, type JobName, type JobPayload, type PhysicalQueueName } from './jobs.js';

/**
 * Defaults every job gets: bounded retries with backoff, failures kept for inspection. Failed
 * jobs are bounded by count too, so a long outage cannot fill Redis with them.
 */
const defaultJobOptions: JobsOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 1_000 },
  removeOnComplete: true,
  removeOnFail: { age: 7 * 24 * 3600, count: 50_000 },
};

export interface Queues {
  /** Adds the job unless the same work is already waiting or running; true if it was added. */
  enqueue<N extends JobName>(name: N, payload: JobPayload<N>): Promise<boolean>;
  /** The same for many; returns how many were actually added (the rest were already queued). */
  enqueueMany<N extends JobName>(name: N, payloads: readonly JobPayload<N>[]): Promise<number>;
  /** The job now queued or running for this work, if any. */
  pendingJob<N extends JobName>(name: N, payload: JobPayload<N>): Promise<Job | undefined>;
  queue(name: PhysicalQueueName): Queue;
  close(): Promise<void>;
}

/** All of Netra's queues, built in one place on one connection and one key prefix. */
export function createQueues(connection: Redis, prefix: string): Queues {
  const queues = new Map<PhysicalQueueName, Queue>(
    queueNames.map((name) => [name, new Queue(name, { connection, prefix, defaultJobOptions })]),
  );
  const queueOf = (name: PhysicalQueueName): Queue => {
    const queue = queues.get(name);
    if (!queue) throw new Error(`unknown queue ${name}`);
    return queue;
  };
  const toBulk = <N extends JobName>(name: N, payload: JobPayload<N>) => {
    const data = jobDefinitions[name].payload.parse(payload);
    const suffix = randomBytes(6).toString('hex');
    if (!isDeduplicated(name)) return { name, data, opts: { jobId: `${name}-${suffix}` } };
    const key = deduplicationKeyFor(name, payload);
    // A fresh id per add: BullMQ answers a deduplicated add with the waiting job's id, so
    // comparing ids tells what was really added.
    return { name, data, opts: { jobId: `${key}-${suffix}`, deduplication: { id: key } } };
  };
  const addAll = async (queue: PhysicalQueueName, jobs: ReturnType<typeof toBulk>[]): Promise<number> => {
    const added = await queueOf(queue).addBulk(jobs);
    return added.filter((job, i) => job.id === jobs[i]!.opts.jobId).length;
  };

  return {
    async enqueue(name, payload) {
      return (await addAll(queueOfJob(name, payload), [toBulk(name, payload)])) === 1;
    },
    async enqueueMany(name, payloads) {
      // Payloads of one call may go to several queues (ingest jobs of several platforms).
      const byQueue = new Map<PhysicalQueueName, ReturnType<typeof toBulk>[]>();
      for (const payload of payloads) {
        const queue = queueOfJob(name, payload);
        const group = byQueue.get(queue) ?? [];
        group.push(toBulk(name, payload));
        byQueue.set(queue, group);
      }
      let added = 0;
      for (const [queue, jobs] of byQueue) added += await addAll(queue, jobs);
      return added;
    },
    async pendingJob(name, payload) {
      if (!isDeduplicated(name)) throw new Error(`${name} jobs are not deduplicated: there is no job per subject to look up`);
      const queue = queueOf(queueOfJob(name, payload));
      const id = await queue.getDeduplicationJobId(deduplicationKeyFor(name, payload));
      return id === null ? undefined : ((await queue.getJob(id)) ?? undefined);
    },
    queue: queueOf,
    async close() {
      await Promise.all([...queues.values()].map((q) => q.close()));
    },
  };
}
