import { startLoop, type Loop, type Logger } from '@netra/core';
import type { Db } from '@netra/db';
import { refreshStatistics, type RefreshResult } from './refresh.js';

export interface StatsRefresher extends Loop<RefreshResult | null> {
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
  const loop = startLoop({
    name: 'statistics refresh',
    intervalMs: options.intervalMs,
    logger: options.logger,
    round: async () => {
      const result = await refreshStatistics(options.db);
      if (result) {
        options.onRefreshed?.(result);
        options.logger.debug(result, 'statistics refreshed');
      }
      return result;
    },
  });
  return { ...loop, refreshNow: loop.runNow };
}
