import type { Worker } from 'bullmq';
import { startWorker, type WorkerOptions } from '@netra/queue';
import { captureReportHandler, type CaptureDeps } from './capture/capture-report.js';
import type { MediaDeps } from './deps.js';
import { readMediaHandler } from './read-media.js';

/**
 * OCR is CPU-bound (one Tesseract thread per image): one job at a time per process, and one
 * process per core to spare (docker compose --scale media=N).
 */
export function startMediaWorker(deps: MediaDeps, options: Omit<WorkerOptions, 'logger'>): Worker {
  return startWorker('media', { 'read-media': readMediaHandler(deps) }, { concurrency: 1, ...options, logger: deps.logger });
}

/** Captures reports in headless Chromium, one page at a time (a page can take a core to render). */
export function startCaptureWorker(deps: CaptureDeps, options: Omit<WorkerOptions, 'logger'>): Worker {
  return startWorker('reports', { 'capture-report': captureReportHandler(deps) }, { concurrency: 1, ...options, logger: deps.logger });
}
