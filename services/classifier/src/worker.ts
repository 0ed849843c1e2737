import type { Worker } from 'bullmq';
import { startWorker, type WorkerOptions } from '@netra/queue';
import { classifyBatchHandler, classifyEngagementHandler, classifyPostHandler, type ClassifyDeps } from './classify-subject.js';

/**
 * Classification is CPU-bound: run one worker process per core (docker compose --scale) rather
 * than raising concurrency, which only interleaves work on the same core.
 */
export function startClassifyWorker(deps: ClassifyDeps, options: Omit<WorkerOptions, 'logger'>): Worker {
  return startWorker(
    'classify',
    { 'classify-post': classifyPostHandler(deps), 'classify-engagement': classifyEngagementHandler(deps), 'classify-batch': classifyBatchHandler(deps) },
    { concurrency: 2, ...options, logger: deps.logger },
  );
}
