import type { Job, Queue, Worker } from 'bullmq';
import { jobDuration, jobsCompleted, jobsFailed, jobsRetried, queueJobs, queueOldestWaiting } from './metrics.js';

/**
 * Counts a worker's jobs as they end: completed, retried (a failed attempt BullMQ will try
 * again) or failed for good, and times every attempt. Works from the worker's own events, so
 * each process reports the jobs it ran and Prometheus sums them.
 */
export function instrumentWorker(worker: Worker): void {
  const queue = worker.name;
  const seconds = (job: Job) => (job.processedOn ? Math.max(0, Date.now() - job.processedOn) / 1000 : 0);
  worker.on('completed', (job) => {
    jobsCompleted.inc({ queue, job: job.name });
    jobDuration.observe({ queue, job: job.name, outcome: 'completed' }, seconds(job));
  });
  worker.on('failed', (job, error) => {
    if (!job) return; // a failure outside any job (a lost lock, say); the worker logs it
    const final = error.name === 'UnrecoverableError' || job.attemptsMade >= (job.opts.attempts ?? 1);
    (final ? jobsFailed : jobsRetried).inc({ queue, job: job.name });
    jobDuration.observe({ queue, job: job.name, outcome: 'failed' }, seconds(job));
  });
}

const countedStates = ['waiting', 'prioritized', 'active', 'delayed', 'failed', 'waiting-children'] as const;
const watchedQueues = new Set<Queue>();

/**
 * Has each scrape read these queues' depth by state and the age of their oldest waiting job,
 * so the figures are current without a polling loop. Let a queue's consumer export it; if
 * several services do, aggregate with max() rather than sum(). Returns a function that stops.
 */
export function watchQueues(queues: readonly Queue[]): () => void {
  for (const queue of queues) watchedQueues.add(queue);
  return () => {
    for (const queue of queues) watchedQueues.delete(queue);
  };
}

/** Reads every watched queue (a queue that cannot be read keeps its last values). */
export async function readWatchedQueues(): Promise<void> {
  await Promise.all([...watchedQueues].map((queue) => readQueue(queue).catch(() => undefined)));
}

async function readQueue(queue: Queue): Promise<void> {
  const counts = await queue.getJobCounts(...countedStates);
  for (const state of countedStates) queueJobs.set({ queue: queue.name, state }, counts[state] ?? 0);
  // Ascending order puts the oldest job first in each list.
  const oldest = await queue.getJobs(['waiting', 'prioritized'], 0, 0, true);
  const enqueuedAt = Math.min(...oldest.map((job) => job.timestamp));
  queueOldestWaiting.set({ queue: queue.name }, Number.isFinite(enqueuedAt) ? Math.max(0, Date.now() - enqueuedAt) / 1000 : 0);
}
