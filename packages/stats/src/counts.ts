import { sql } from 'kysely';
import type { Db } from '@netra/db';
import { filterConditions } from './conditions.js';
import { countSource } from './count-source.js';
import { groupingFor, type DimensionColumns } from './dimension-sql.js';
import type { Dimension, StatsFilter } from './filters.js';
import type { StatsScope } from './scope.js';

export type StatsRow = Record<string, string | number | null>;

/** A report's rows and its column names in order (so an empty report still has a CSV header). */
export interface StatsTable {
  columns: string[];
  rows: StatsRow[];
}

export const countMeasures = ['flags', 'confirmed', 'dismissed', 'decided', 'pending', 'confirm_rate'];

const dailyColumns: DimensionColumns = {
  day: 's.day',
  agency: 's.agency_id',
  region: 's.region_code',
  province: 's.province_code',
  election: 's.election_code',
  platform: 's.platform',
  code: sql.ref('s.code'),
  severity: 's.severity',
};

/**
 * Flags and confirmed violations, grouped by any dimensions, from the monthly and daily rollups.
 *
 * - flags: flagged items. Grouped by code, the items flagged with that code (a flag with two
 *   codes counts under both, so the column no longer adds up to the total).
 * - confirmed: violations confirmed by a reviewer, under the code and severity the reviewer chose.
 * - dismissed, decided, pending: of those flags.
 * - confirm_rate: confirmed / decided of those flags — per code, the classifier's live precision.
 */
export async function flagCounts(db: Db, by: readonly Dimension[], filter: StatsFilter, scope: StatsScope): Promise<StatsTable> {
  const perCode = by.includes('code');
  const [flags, decided, flagsConfirmed] = perCode
    ? [sql`s.code_flags`, sql`s.code_decided`, sql`s.code_confirmed`]
    : [sql`s.flags`, sql`s.flags_decided`, sql`s.flags_confirmed`];
  const g = groupingFor(by, dailyColumns);
  const { rows } = await sql<StatsRow>`
    SELECT ${sql.join([...g.outerSelect, sql`g.flags, g.confirmed, g.decided - g.flags_confirmed AS dismissed, g.decided, g.flags - g.decided AS pending, round(g.flags_confirmed::numeric / nullif(g.decided, 0), 4)::float8 AS confirm_rate`])}
    FROM (
      SELECT ${sql.join([
        ...g.innerSelect,
        sql`sum(${flags})::int AS flags`,
        sql`sum(s.confirmed)::int AS confirmed`,
        sql`sum(${decided})::int AS decided`,
        sql`sum(${flagsConfirmed})::int AS flags_confirmed`,
      ])}
      FROM ${countSource(by, filter)} s
      WHERE ${filterConditions(filter, scope, { day: 's.day', agency: 's.agency_id', election: 's.election_code' })}
      ${g.groupBy}
    ) g
    ${g.joins}
    ${g.orderBy}
  `.execute(db);
  // Without grouping, an empty selection still has totals: zeros, not nulls.
  return { columns: [...g.columns, ...countMeasures], rows: by.length === 0 ? rows.map(zeroNulls) : rows };
}

function zeroNulls(row: StatsRow): StatsRow {
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v === null && k !== 'confirm_rate' ? 0 : v]));
}
