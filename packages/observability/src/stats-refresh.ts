import { statsRefreshDuration, statsRefreshedAt } from './metrics.js';

/** The stats refresher's hook: how long a refresh took, and that it happened now. */
export function recordStatsRefresh(result: { durationMs: number }): void {
  statsRefreshDuration.observe(result.durationMs / 1000);
  statsRefreshedAt.set(Date.now() / 1000);
}
