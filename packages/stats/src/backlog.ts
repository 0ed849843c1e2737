import { sql } from 'kysely';
import type { Db } from '@netra/db';
import type { StatsRow, StatsTable } from './counts.js';
import type { StatsFilter } from './filters.js';
import type { StatsScope } from './scope.js';

/**
 * What is piling up, live from review_items: undecided items (anything not yet confirmed or
 * dismissed, holds and pending approvals included) by how long they have waited, per agency
 * or in total. Only the agency filter applies: a backlog is about now.
 */
export async function backlogByAge(
  db: Db,
  options: { byAgency: boolean },
  filter: Pick<StatsFilter, 'agency'>,
  scope: StatsScope,
): Promise<StatsTable> {
  const conditions = [sql`ri.status NOT IN ('confirmed', 'dismissed')`];
  if (scope.agencyId !== null) conditions.push(sql`ri.agency_id = ${scope.agencyId}`);
  if (filter.agency) conditions.push(sql`ri.agency_id IN (SELECT id FROM agencies WHERE code = ${filter.agency} OR id::text = ${filter.agency})`);
  const agencyKey = options.byAgency ? sql`ri.agency_id` : sql`NULL::int`;
  const { rows } = await sql<StatsRow>`
    SELECT ${options.byAgency ? sql`a.code AS agency_code, a.name AS agency_name,` : sql``}
           g.undecided, g.under_1d, g.from_1d_to_3d, g.from_3d_to_7d, g.from_7d_to_14d, g.over_14d, g.oldest_age_hours
    FROM (
      SELECT ${agencyKey} AS agency_id,
             count(*)::int AS undecided,
             count(*) FILTER (WHERE ri.opened_at > now() - interval '1 day')::int AS under_1d,
             count(*) FILTER (WHERE ri.opened_at <= now() - interval '1 day' AND ri.opened_at > now() - interval '3 days')::int AS from_1d_to_3d,
             count(*) FILTER (WHERE ri.opened_at <= now() - interval '3 days' AND ri.opened_at > now() - interval '7 days')::int AS from_3d_to_7d,
             count(*) FILTER (WHERE ri.opened_at <= now() - interval '7 days' AND ri.opened_at > now() - interval '14 days')::int AS from_7d_to_14d,
             count(*) FILTER (WHERE ri.opened_at <= now() - interval '14 days')::int AS over_14d,
             round(extract(epoch FROM now() - min(ri.opened_at)) / 3600, 1)::float8 AS oldest_age_hours
      FROM review_items ri
      WHERE ${sql.join(conditions, sql` AND `)}
      ${options.byAgency ? sql`GROUP BY ri.agency_id` : sql``}
    ) g
    ${options.byAgency ? sql`JOIN agencies a ON a.id = g.agency_id ORDER BY g.undecided DESC, a.code` : sql``}
  `.execute(db);
  const measures = ['undecided', 'under_1d', 'from_1d_to_3d', 'from_3d_to_7d', 'from_7d_to_14d', 'over_14d', 'oldest_age_hours'];
  return { columns: options.byAgency ? ['agency_code', 'agency_name', ...measures] : measures, rows };
}
