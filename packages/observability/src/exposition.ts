import { readWatchedQueues } from './bullmq.js';
import { metricsRegistry } from './registry.js';

/** The Prometheus text exposition of this process, with queue figures read just now. */
export async function metricsText(): Promise<{ contentType: string; body: string }> {
  await readWatchedQueues();
  return { contentType: metricsRegistry.contentType, body: await metricsRegistry.metrics() };
}
