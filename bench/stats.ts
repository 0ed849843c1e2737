import { sql } from 'kysely';
import type { Db } from '@netra/db';
import { refreshStatistics, runReport, statsQuerySchema, unrestrictedScope, type ReportName, type StatsScope } from '@netra/stats';
import { secondsSince } from './bench-database.js';
import { round as roundTo } from './store-posts.js';
import { seedWorld } from './seed-world.js';

/**
 * Statistics at national scale: seeds `posts` posts of which `items` are flagged and carry a
 * review item (decided or not), builds the statistics tables, and times every statistics query
 * the API and the page run (goal: each ≤ 200 ms at 10 million posts and 1 million items).
 *
 * The world is shaped like the real one, not uniform noise: agencies differ a lot in size
 * (a few ministries and big provinces hold most civil servants), most civil servants serve in
 * their agency's region, codes and platforms are skewed, and each flag names the election whose
 * campaign its day falls in.
 */
export async function benchStatistics(db: Db, sizes: { posts: number; items: number }) {
  const seedStarted = performance.now();
  await seedWorld(db, sizes);
  const seedSeconds = secondsSince(seedStarted);

  const fullStarted = performance.now();
  await refreshStatistics(db, { full: true });
  const fullRefreshSeconds = secondsSince(fullStarted);
  await sql`VACUUM ANALYZE stats_flags, stats_daily`.execute(db);

  // A minute of review work: 500 decisions, then the incremental refresh that follows them.
  await sql`
    WITH picked AS (SELECT id, agency_id FROM review_items WHERE status = 'open' ORDER BY id LIMIT 500),
    decided AS (
      INSERT INTO review_events (review_item_id, seq, type, actor_user_id, payload, hash)
      SELECT p.id, 2, 'dismissed', u.id, '{"reason": "not_partisan"}', repeat('0', 64)
      FROM picked p JOIN users u ON u.agency_id = p.agency_id
    )
    UPDATE review_items SET status = 'dismissed', last_event_seq = 2, updated_at = now() WHERE id IN (SELECT id FROM picked)
  `.execute(db);
  const incrementalStarted = performance.now();
  const incremental = await refreshStatistics(db);
  const incrementalRefreshMs = Math.round(performance.now() - incrementalStarted);

  const agency = await db.selectFrom('agencies').select('id').orderBy('id').executeTakeFirstOrThrow();
  const agencyScope: StatsScope = { agencyId: agency.id, showReviewerNames: false, suppressSmallCells: false };
  const campaign = { from: '2024-09-25', to: '2024-11-23' };
  const cases: [string, ReportName, Record<string, string>, StatsScope][] = [
    ['counts total, all time', 'counts', {}, unrestrictedScope],
    ['counts by agency,code, all time', 'counts', { by: 'agency,code' }, unrestrictedScope],
    ['counts by agency,code, Pilkada campaign', 'counts', { by: 'agency,code', ...campaign }, unrestrictedScope],
    ['counts by day, all time', 'counts', { by: 'day' }, unrestrictedScope],
    ['counts by week,platform, all time', 'counts', { by: 'week,platform' }, unrestrictedScope],
    ['counts by code (confirm rate), all time', 'counts', { by: 'code' }, unrestrictedScope],
    ['counts by province,regency, all time', 'counts', { by: 'province,regency' }, unrestrictedScope],
    ['counts by election,severity, all time', 'counts', { by: 'election,severity' }, unrestrictedScope],
    ['counts by agency,regency,code,severity,platform,election,day (finest)', 'counts', { by: 'agency,regency,code,severity,platform,election,day' }, unrestrictedScope],
    ['counts by code, one agency (scoped analyst)', 'counts', { by: 'code' }, agencyScope],
    ['counts by day, one election', 'counts', { by: 'day', election: 'pilpres-2024' }, unrestrictedScope],
    ['decision times, all time', 'decision-times', {}, unrestrictedScope],
    ['decision times by agency, all time', 'decision-times', { by: 'agency' }, unrestrictedScope],
    ['decision times by code, Pilkada campaign', 'decision-times', { by: 'code', ...campaign }, unrestrictedScope],
    ['backlog by agency', 'backlog', { by: 'agency' }, unrestrictedScope],
    ['decisions per reviewer, all time', 'reviewers', {}, unrestrictedScope],
    ['decisions per reviewer, Pilkada campaign', 'reviewers', campaign, unrestrictedScope],
  ];
  const queries: Record<string, { median_ms: number; max_ms: number; rows: number }> = {};
  for (const [name, report, params, scope] of cases) {
    const query = statsQuerySchema.parse(params);
    const times: number[] = [];
    let rows = 0;
    for (let run = 0; run < 5; run++) {
      const started = performance.now();
      rows = (await runReport(db, report, query, scope)).rows.length;
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    queries[name] = { median_ms: round(times[2]!), max_ms: round(times[4]!), rows };
  }

  const counts = await sql<{ stats_flags: number; stats_daily: number }>`
    SELECT (SELECT count(*) FROM stats_flags)::int AS stats_flags, (SELECT count(*) FROM stats_daily)::int AS stats_daily
  `.execute(db);
  return {
    posts: sizes.posts,
    review_items: sizes.items,
    rollup_rows: counts.rows[0],
    seed_seconds: round(seedSeconds),
    full_refresh_seconds: round(fullRefreshSeconds),
    incremental_refresh_ms_after_500_decisions: incrementalRefreshMs,
    incremental_refresh_items: incremental?.items ?? null,
    goal_ms: 200,
    slowest_median_ms: Math.max(...Object.values(queries).map((q) => q.median_ms)),
    queries,
  };
}

/** Tenths: the figures are milliseconds and seconds read by people. */
const round = (n: number) => roundTo(n, 1);
