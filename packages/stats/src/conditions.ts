import { sql, type RawBuilder } from 'kysely';
import type { StatsFilter } from './filters.js';
import type { StatsScope } from './scope.js';

/** The columns a statistics table names its day, agency and election by. */
export interface FilterColumns {
  day: string;
  agency: string;
  election: string;
}

/**
 * The WHERE clause every statistics query shares: the caller's scope first (so it cannot be
 * forgotten), then the analyst's filters. Dates are inclusive calendar days in WIB.
 */
export function filterConditions(filter: StatsFilter, scope: StatsScope, columns: FilterColumns): RawBuilder<boolean> {
  const day = sql.ref(columns.day);
  const agency = sql.ref(columns.agency);
  const conditions: RawBuilder<unknown>[] = [sql`true`];
  if (scope.agencyId !== null) conditions.push(sql`${agency} = ${scope.agencyId}`);
  if (filter.agency) conditions.push(sql`${agency} IN (SELECT id FROM agencies WHERE code = ${filter.agency} OR id::text = ${filter.agency})`);
  if (filter.election) conditions.push(sql`${sql.ref(columns.election)} = ${filter.election}`);
  if (filter.from) conditions.push(sql`${day} >= ${filter.from}::date`);
  if (filter.to) conditions.push(sql`${day} <= ${filter.to}::date`);
  return sql<boolean>`${sql.join(conditions, sql` AND `)}`;
}
