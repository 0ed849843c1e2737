import { Queue, type Worker } from 'bullmq';
import type { Closeable, Logger } from '@netra/core';
import { instrumentWorker, watchQueues } from './bullmq.js';
import { watchDependencies } from './dependency-watch.js';
import { startHealthServer, type HealthServer } from './health-server.js';
import type { ReadinessChecks } from './readiness.js';
import { setServiceName } from './registry.js';

export interface ObservedService extends Closeable {
  health: HealthServer;
}

/**
 * What every Netra service does to be observable, in one call from its main.ts: name its
 * metrics, count its workers' jobs, export the depth of the queues those workers consume, and
 * serve /healthz, /readyz and /metrics on METRICS_HOST:METRICS_PORT. Close it after the workers
 * (so in-flight jobs still count) and before the connections.
 */
export async function observeService(options: {
  service: string;
  logger: Logger;
  host: string;
  port: number;
  checks: ReadinessChecks;
  workers?: readonly Worker[];
  /** A standalone service exits after a dependency is down this long (its supervisor restarts it). */
  exitAfterDependencyDownMs?: number;
}): Promise<ObservedService> {
  setServiceName(options.service);
  const workers = options.workers ?? [];
  for (const worker of workers) instrumentWorker(worker);
  // A queue handle of our own per consumed queue: reading depth must not wait behind a worker's blocking read.
  const queues = workers.map((w) => new Queue(w.name, { connection: w.opts.connection, prefix: w.opts.prefix }));
  const stopWatching = watchQueues(queues);
  const dependencies = watchDependencies({
    checks: options.checks,
    logger: options.logger,
    ...(options.exitAfterDependencyDownMs === undefined ? {} : { exitAfterMs: options.exitAfterDependencyDownMs }),
  });
  const health = await startHealthServer({ host: options.host, port: options.port, checks: options.checks, logger: options.logger, health: dependencies.health });
  options.logger.info({ url: health.url }, 'health and metrics endpoints listening');
  return {
    health,
    async close() {
      stopWatching();
      dependencies.close();
      await health.close();
      await Promise.all(queues.map((q) => q.close()));
    },
  };
}
