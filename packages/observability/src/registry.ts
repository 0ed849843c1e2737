import { collectDefaultMetrics, Registry } from 'prom-client';

/**
 * The one registry of a process. Netra's metrics are defined once, at module load, so several
 * services wired into one process (the demo, the tests) share them instead of colliding.
 */
export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry });

/** Labels every series with the service that exports it (Prometheus adds the instance). */
export function setServiceName(service: string): void {
  metricsRegistry.setDefaultLabels({ service });
}
