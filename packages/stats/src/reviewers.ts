import { sql } from 'kysely';
import type { Db } from '@netra/db';
import { filterConditions } from './conditions.js';
import type { StatsRow, StatsTable } from './counts.js';
import type { StatsFilter } from './filters.js';
import { asWibMidnight, inWholeMonths, outsideWholeMonths, wholeMonthsOf } from './months.js';
import type { StatsScope } from './scope.js';

/**
 * Decisions per reviewer made in the date range (by decision day, WIB), with their median time
 * from flag to decision. Reviewers are named only to those who may see it; others get the id.
 *
 * Whole decision months come from stats_reviewer_monthly, the partial months at the edges of
 * the range from the decided facts (as one-element arrays). Each group's seconds are gathered
 * into one array and its exact median taken from that: one small sort per reviewer rather than
 * one of every decision in the range.
 */
export async function decisionsPerReviewer(db: Db, filter: StatsFilter, scope: StatsScope): Promise<StatsTable> {
  const { from, to, ...others } = filter;
  const months = wholeMonthsOf({ from, to });
  const { rows } = await sql<StatsRow>`
    SELECT g.reviewer_id, ${scope.showReviewerNames ? sql`u.display_name AS reviewer_name,` : sql``}
           a.code AS agency_code, g.decisions, g.confirmed, g.dismissed,
           (SELECT round(percentile_cont(0.5) WITHIN GROUP (ORDER BY s))::int FROM unnest(g.seconds) s) AS median_seconds
    FROM (
      SELECT d.decided_by AS reviewer_id, d.agency_id,
             sum(cardinality(d.seconds))::int AS decisions,
             coalesce(sum(cardinality(d.seconds)) FILTER (WHERE d.decision = 'confirmed'), 0)::int AS confirmed,
             coalesce(sum(cardinality(d.seconds)) FILTER (WHERE d.decision = 'dismissed'), 0)::int AS dismissed,
             array_cat_agg(d.seconds) AS seconds
      FROM (
        SELECT r.decided_by, r.agency_id, r.election_code, r.decision, r.decision_seconds AS seconds
        FROM stats_reviewer_monthly r
        WHERE ${inWholeMonths(months, 'r.month')}
        UNION ALL
        SELECT f.decided_by, f.agency_id, f.election_code, f.decision, ARRAY[f.decision_seconds]
        FROM stats_flags f
        WHERE f.decision IS NOT NULL
          ${from ? sql`AND f.decided_at >= (${from}::date)::timestamp AT TIME ZONE 'Asia/Jakarta'` : sql``}
          ${to ? sql`AND f.decided_at < (${to}::date + 1)::timestamp AT TIME ZONE 'Asia/Jakarta'` : sql``}
          AND ${outsideWholeMonths(months, 'f.decided_at', asWibMidnight)}
      ) d
      -- Without from and to (taken out above), the day column is never read.
      WHERE ${filterConditions(others, scope, { day: 'd.decided_at', agency: 'd.agency_id', election: 'd.election_code' })}
      GROUP BY d.decided_by, d.agency_id
    ) g
    JOIN agencies a ON a.id = g.agency_id
    LEFT JOIN users u ON u.id = g.reviewer_id
    ORDER BY g.decisions DESC, g.reviewer_id
  `.execute(db);
  const columns = ['reviewer_id', ...(scope.showReviewerNames ? ['reviewer_name'] : []), 'agency_code', 'decisions', 'confirmed', 'dismissed', 'median_seconds'];
  return { columns, rows };
}
