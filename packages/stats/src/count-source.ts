import { sql, type RawBuilder } from 'kysely';
import type { Dimension, StatsFilter } from './filters.js';
import { inWholeMonths, outsideWholeMonths, wholeMonthsOf } from './months.js';

const rollupColumns = sql.join(
  ['agency_id', 'region_code', 'province_code', 'election_code', 'platform', 'code', 'severity',
   'flags', 'flags_decided', 'flags_confirmed', 'code_flags', 'code_decided', 'code_confirmed', 'confirmed'].map((c) => sql.ref(c)),
);

/**
 * The rollup rows a count query sums, shaped like stats_daily: the whole months of the date
 * range from stats_monthly (a month's row standing on its first day, which lies in the range, so
 * the caller's day filter still holds) and the days of the partial months at its edges from
 * stats_daily. Sums come out the same as from stats_daily alone, reading a few times fewer rows.
 * Grouping by day, week or election phase needs days: stats_daily alone.
 */
export function countSource(by: readonly Dimension[], filter: StatsFilter): RawBuilder<unknown> {
  if (by.includes('day') || by.includes('week') || by.includes('phase')) return sql`stats_daily`;
  const months = wholeMonthsOf(filter);
  return sql`(
    SELECT month AS day, ${rollupColumns} FROM stats_monthly WHERE ${inWholeMonths(months, 'month')}
    UNION ALL
    SELECT day, ${rollupColumns} FROM stats_daily WHERE ${outsideWholeMonths(months, 'day')}
  )`;
}
