import { sql } from 'kysely';
import type { Db } from '@netra/db';
import { filterConditions } from './conditions.js';
import type { StatsRow, StatsTable } from './counts.js';
import { groupingFor, type DimensionColumns } from './dimension-sql.js';
import type { Dimension, StatsFilter } from './filters.js';
import type { StatsScope } from './scope.js';

export const factColumns: DimensionColumns = {
  day: 'f.activity_on',
  agency: 'f.agency_id',
  region: 'f.region_code',
  province: 'f.province_code',
  election: 'f.election_code',
  platform: 'f.platform',
  // A decided flag is timed once, under its first code.
  code: sql`f.codes[1]`,
  severity: 'f.severity',
};

/**
 * How long flags raised in the range waited for a reviewer's decision (confirm or dismiss):
 * median and 90th percentile in seconds, exact, over the decided flags of each group.
 */
export async function decisionTimes(db: Db, by: readonly Dimension[], filter: StatsFilter, scope: StatsScope): Promise<StatsTable> {
  const g = groupingFor(by, factColumns);
  const { rows } = await sql<StatsRow>`
    SELECT ${sql.join([...g.outerSelect, sql`g.decided, g.median_seconds, g.p90_seconds`])}
    FROM (
      SELECT ${sql.join([
        ...g.innerSelect,
        sql`count(*)::int AS decided`,
        sql`round(percentile_cont(0.5) WITHIN GROUP (ORDER BY f.decision_seconds))::int AS median_seconds`,
        sql`round(percentile_cont(0.9) WITHIN GROUP (ORDER BY f.decision_seconds))::int AS p90_seconds`,
      ])}
      FROM stats_flags f
      WHERE f.decision IS NOT NULL
        AND ${filterConditions(filter, scope, { day: 'f.activity_on', agency: 'f.agency_id', election: 'f.election_code' })}
      ${g.groupBy}
    ) g
    ${g.joins}
    ${g.orderBy}
  `.execute(db);
  return { columns: [...g.columns, 'decided', 'median_seconds', 'p90_seconds'], rows };
}
