import { errorMessage, type Closeable, type Logger } from '@netra/core';
import type { Db } from '@netra/db';
import { refreshStatistics, type RefreshResult } from './refresh.js';

export interface StatsRefresher extends Closeable {
  /** Runs a refresh now (waiting for one in flight first); null if another process holds the lock. */
  refreshNow(): Promise<RefreshResult | null>;
}

/**
 * Keeps the statistics tables fresh from within a long-running process (the review service):
 * one refresh every interval, never two at once, and close() waits for the one in flight.
 * Several replicas may run it; the advisory lock lets one work while the others skip.
 */
export function startStatsRefresher(options: {
  db: Db;
  logger: Logger;
  intervalMs: number;
  onRefreshed?: (result: RefreshResult) => void;
}): StatsRefresher {
  let inFlight: Promise<RefreshResult | null> = Promise.resolve(null);
  let timer: NodeJS.Timeout | undefined;
  let closed = false;

  const run = (): Promise<RefreshResult | null> => {
    inFlight = inFlight
      .catch(() => null)
      .then(() => refreshStatistics(options.db))
      .then((result) => {
        if (result) {
          options.onRefreshed?.(result);
          options.logger.debug(result, 'statistics refreshed');
        }
        return result;
      });
    return inFlight;
  };
  const tick = () => {
    run()
      .catch((error: unknown) => options.logger.error({ err: errorMessage(error) }, 'statistics refresh failed'))
      .finally(() => {
        if (!closed) timer = setTimeout(tick, options.intervalMs);
      });
  };
  timer = setTimeout(tick, 0);

  return {
    refreshNow: run,
    async close() {
      closed = true;
      clearTimeout(timer);
      await inFlight.catch(() => undefined);
    },
  };
}
