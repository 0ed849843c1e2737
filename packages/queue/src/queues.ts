import { Queue, type JobsOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import { jobDefinitions, jobIdFor, queueNames, queueOfJob, type JobName, type JobPayload, type PhysicalQueueName } from './jobs.js';

/** Defaults every job gets: bounded retries with backoff, failures kept for inspection. */
const defaultJobOptions: JobsOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 1_000 },
  removeOnComplete: true,
  removeOnFail: { age: 7 * 24 * 3600 },
};

export interface Queues {
  enqueue<N extends JobName>(name: N, payload: JobPayload<N>): Promise<void>;
  enqueueMany<N extends JobName>(name: N, payloads: readonly JobPayload<N>[]): Promise<void>;
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
  const toBulk = <N extends JobName>(name: N, payload: JobPayload<N>) => ({
    name,
    data: jobDefinitions[name].payload.parse(payload),
    opts: { jobId: jobIdFor(name, payload) },
  });

  return {
    async enqueue(name, payload) {
      const job = toBulk(name, payload);
      await queueOf(queueOfJob(name, payload)).add(job.name, job.data, job.opts);
    },
    async enqueueMany(name, payloads) {
      // Payloads of one call may go to several queues (ingest jobs of several platforms).
      const byQueue = new Map<PhysicalQueueName, JobPayload<typeof name>[]>();
      for (const payload of payloads) {
        const queue = queueOfJob(name, payload);
        const group = byQueue.get(queue) ?? [];
        group.push(payload);
        byQueue.set(queue, group);
      }
      for (const [queue, group] of byQueue) await queueOf(queue).addBulk(group.map((p) => toBulk(name, p)));
    },
    queue: queueOf,
    async close() {
      await Promise.all([...queues.values()].map((q) => q.close()));
    },
  };
}
