import { sql, type RawBuilder } from 'kysely';
import { electionPhases, type Dimension } from './filters.js';

/**
 * How each dimension is grouped (a key column of the table read) and then labelled (names joined
 * after aggregation, so the join touches one row per group, not one per fact).
 */
interface DimensionSql {
  /** `key AS alias` pairs grouped on; `table` is the alias of the statistics table read. */
  keys(columns: DimensionColumns): { expression: RawBuilder<unknown>; alias: string }[];
  /** Joins that label the aggregated row `g`. */
  join?: RawBuilder<unknown>;
  /** Output columns, in order, and their names. */
  select: RawBuilder<unknown>[];
  columns: string[];
}

/** The column names of the table a query reads (stats_daily or stats_flags). */
export interface DimensionColumns {
  day: string;
  agency: string;
  region: string;
  province: string;
  election: string;
  platform: string;
  code: RawBuilder<unknown>;
  severity: string;
}

const column = (name: string, alias: string) => ({ expression: sql.ref(name), alias });

/** The 1-based position in electionPhases of a row's day in its election's calendar. */
function phaseRank(c: DimensionColumns): RawBuilder<number> {
  const day = sql.ref(c.day);
  return sql<number>`coalesce((
    SELECT CASE WHEN ${day} < el.campaign_starts_on THEN 1 WHEN ${day} <= el.campaign_ends_on THEN 2
                WHEN ${day} < el.vote_on THEN 3 WHEN ${day} = el.vote_on THEN 4 ELSE 5 END
    FROM elections el WHERE el.code = ${sql.ref(c.election)}), 6)`;
}

export const dimensionSql: Record<Dimension, DimensionSql> = {
  agency: {
    keys: (c) => [column(c.agency, 'agency_id')],
    join: sql`JOIN agencies a ON a.id = g.agency_id`,
    columns: ['agency_code', 'agency_name'], select: [sql`a.code AS agency_code`, sql`a.name AS agency_name`],
  },
  province: {
    keys: (c) => [column(c.province, 'province_code')],
    join: sql`LEFT JOIN regions rp ON rp.code = g.province_code`,
    columns: ['province_code', 'province_name'], select: [sql`g.province_code`, sql`rp.name AS province_name`],
  },
  regency: {
    keys: (c) => [column(c.region, 'regency_code')],
    join: sql`LEFT JOIN regions rr ON rr.code = g.regency_code`,
    columns: ['regency_code', 'regency_name'], select: [sql`g.regency_code`, sql`rr.name AS regency_name`],
  },
  code: { keys: (c) => [{ expression: c.code, alias: 'code' }], columns: ['code'], select: [sql`g.code`] },
  severity: { keys: (c) => [column(c.severity, 'severity')], columns: ['severity'], select: [sql`g.severity`] },
  platform: { keys: (c) => [column(c.platform, 'platform')], columns: ['platform'], select: [sql`g.platform`] },
  election: {
    keys: (c) => [column(c.election, 'election_code')],
    join: sql`LEFT JOIN elections el ON el.code = g.election_code`,
    columns: ['election_code', 'election_name'], select: [sql`g.election_code`, sql`el.name AS election_name`],
  },
  phase: {
    // Grouped by the phase's place in the calendar, so rows come out in that order; named after.
    keys: (c) => [{ expression: phaseRank(c), alias: 'phase_rank' }],
    columns: ['phase'],
    select: [sql`(ARRAY[${sql.join(electionPhases.map((phase) => sql.lit(phase)))}])[g.phase_rank] AS phase`],
  },
  day: { keys: (c) => [{ expression: sql`${sql.ref(c.day)}`, alias: 'day' }], columns: ['day'], select: [sql`g.day`] },
  week: {
    // ISO weeks, named by their Monday.
    keys: (c) => [{ expression: sql`date_trunc('week', ${sql.ref(c.day)})::date`, alias: 'week' }],
    columns: ['week'], select: [sql`g.week`],
  },
};

/** The pieces of a grouped query: inner GROUP BY keys, outer joins and output columns, ORDER BY. */
export function groupingFor(by: readonly Dimension[], columns: DimensionColumns) {
  const keys = by.flatMap((d) => dimensionSql[d].keys(columns));
  return {
    innerSelect: keys.map((k) => sql`${k.expression} AS ${sql.id(k.alias)}`),
    groupBy: keys.length > 0 ? sql`GROUP BY ${sql.join(keys.map((k) => k.expression))}` : sql``,
    joins: sql.join(by.flatMap((d) => dimensionSql[d].join ?? []), sql` `),
    outerSelect: by.flatMap((d) => dimensionSql[d].select),
    columns: by.flatMap((d) => dimensionSql[d].columns),
    orderBy: keys.length > 0 ? sql`ORDER BY ${sql.join(keys.map((k) => sql`g.${sql.id(k.alias)}`))}` : sql``,
  };
}
