import { sql } from 'kysely';
import type { Db } from '@netra/db';
import { filterConditions } from './conditions.js';
import type { StatsRow, StatsTable } from './counts.js';
import type { StatsFilter } from './filters.js';
import type { StatsScope } from './scope.js';

/**
 * Decisions per reviewer made in the date range (by decision day, WIB), with their median time
 * from flag to decision. Reviewers are named only to those who may see it; others get the id.
 */
export async function decisionsPerReviewer(db: Db, filter: StatsFilter, scope: StatsScope): Promise<StatsTable> {
  const { from, to, ...others } = filter;
  const { rows } = await sql<StatsRow>`
    SELECT g.reviewer_id, ${scope.showReviewerNames ? sql`u.display_name AS reviewer_name,` : sql``}
           a.code AS agency_code, g.decisions, g.confirmed, g.dismissed, g.median_seconds
    FROM (
      SELECT f.decided_by AS reviewer_id, f.agency_id,
             count(*)::int AS decisions,
             count(*) FILTER (WHERE f.decision = 'confirmed')::int AS confirmed,
             count(*) FILTER (WHERE f.decision = 'dismissed')::int AS dismissed,
             round(percentile_cont(0.5) WITHIN GROUP (ORDER BY f.decision_seconds))::int AS median_seconds
      FROM stats_flags f
      WHERE f.decision IS NOT NULL
        ${from ? sql`AND f.decided_at >= (${from}::date)::timestamp AT TIME ZONE 'Asia/Jakarta'` : sql``}
        ${to ? sql`AND f.decided_at < (${to}::date + 1)::timestamp AT TIME ZONE 'Asia/Jakarta'` : sql``}
        AND ${filterConditions(others, scope, { day: 'f.flagged_on', agency: 'f.agency_id', election: 'f.election_code' })}
      GROUP BY f.decided_by, f.agency_id
    ) g
    JOIN agencies a ON a.id = g.agency_id
    LEFT JOIN users u ON u.id = g.reviewer_id
    ORDER BY g.decisions DESC, g.reviewer_id
  `.execute(db);
  const columns = ['reviewer_id', ...(scope.showReviewerNames ? ['reviewer_name'] : []), 'agency_code', 'decisions', 'confirmed', 'dismissed', 'median_seconds'];
  return { columns, rows };
}
