import type { Logger } from '@netra/core';
import { checkReadiness, type ReadinessChecks } from './readiness.js';

export interface Health {
  healthy: boolean;
  /** The dependencies failing now, with how long they have been. */
  failing: Record<string, { sinceMs: number }>;
}

export interface DependencyWatch {
  health(): Health;
  close(): void;
}

/**
 * Checks a service's dependencies on a timer, so /healthz can say at once whether the service
 * can do its work, and each outage is logged once when it starts and once when it ends. A
 * dependency down for longer than `exitAfterMs` (when set) means this process is not getting
 * better by itself: it exits non-zero, and its supervisor starts a fresh one.
 */
export function watchDependencies(options: { checks: ReadinessChecks; logger: Logger; intervalMs?: number; exitAfterMs?: number }): DependencyWatch {
  const downSince = new Map<string, number>();
  let timer: NodeJS.Timeout | undefined;
  let closed = false;

  async function check(): Promise<void> {
    const { checks } = await checkReadiness(options.checks);
    const now = Date.now();
    for (const [name, state] of Object.entries(checks)) {
      const since = downSince.get(name);
      if (state === 'failing' && since === undefined) {
        downSince.set(name, now);
        options.logger.error({ dependency: name }, `${name} is not answering; unhealthy until it is back`);
      } else if (state === 'ok' && since !== undefined) {
        downSince.delete(name);
        options.logger.info({ dependency: name, downMs: now - since }, `${name} is answering again`);
      }
    }
    const longest = Math.max(0, ...[...downSince.values()].map((since) => now - since));
    if (options.exitAfterMs !== undefined && longest > options.exitAfterMs) {
      options.logger.fatal({ failing: [...downSince.keys()], downMs: longest }, 'a dependency has been down too long: exiting so the supervisor restarts this service');
      process.exit(1);
    }
  }
  const tick = () => {
    check()
      .catch((error: unknown) => options.logger.error({ err: error }, 'dependency check failed'))
      .finally(() => {
        if (!closed) timer = setTimeout(tick, options.intervalMs ?? 5_000);
      });
  };
  tick();

  return {
    health() {
      const now = Date.now();
      const failing = Object.fromEntries([...downSince].map(([name, since]) => [name, { sinceMs: now - since }]));
      return { healthy: downSince.size === 0, failing };
    },
    close() {
      closed = true;
      clearTimeout(timer);
    },
  };
}
