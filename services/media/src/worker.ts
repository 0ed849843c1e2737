import type { Worker } from 'bullmq';
import { startWorker, type WorkerOptions } from '@netra/queue';
import type { MediaDeps } from './deps.js';
import { readMediaHandler } from './read-media.js';

/**
 * OCR is CPU-bound (one Tesseract thread per image): one job at a time per process, and one
 * process per core to spare (docker compose --scale media=N).
 */
export function startMediaWorker(deps: MediaDeps, options: Omit<WorkerOptions, 'logger'>): Worker {
  return startWorker('media', { 'read-media': readMediaHandler(deps) }, { concurrency: 1, ...options, logger: deps.logger });
}
