import { sql } from 'kysely';
import type { Db } from '@netra/db';
import { localZoneSql } from './local-day.js';
import { rebuildRollups } from './rollups.js';

export interface RefreshResult {
  /** Review items whose facts were (re)computed. */
  items: number;
  /** (activity day, agency) cells whose rollup rows were rebuilt. */
  cells: number;
  durationMs: number;
}

/**
 * Items changed this long before the last one read are read again: updated_at is written with
 * the writer's clock at the start of its transaction, so a commit can land slightly "in the past".
 * Re-reading is harmless (the facts are upserted), missing one is not.
 */
const REREAD_WINDOW = '5 minutes';

/**
 * Brings the statistics tables up to date with review_items: recomputes the facts of every item
 * changed since the last run, then rebuilds the rollup rows of the (activity day, agency) cells
 * those items belong to, and of their months (rollups.ts). `full` recomputes everything (after
 * a change of how facts are derived, say).
 * Returns null when another process is refreshing at this moment.
 */
export async function refreshStatistics(db: Db, options: { full?: boolean } = {}): Promise<RefreshResult | null> {
  const started = performance.now();
  return db.transaction().execute(async (trx) => {
    const { rows: lock } = await sql<{ locked: boolean }>`SELECT pg_try_advisory_xact_lock(hashtext('netra:stats-refresh')) AS locked`.execute(trx);
    if (!lock[0]?.locked) return null;

    const state = options.full ? undefined : await trx.selectFrom('stats_refresh_state').select('source_through').executeTakeFirst();
    const since = state ? sql`${state.source_through}::timestamptz - ${REREAD_WINDOW}::interval` : sql`'-infinity'::timestamptz`;

    const { rows } = await sql<{ items: number; days: string[] | null; agencies: number[] | null; through: Date | null }>`
      WITH changed AS (
        SELECT ri.* FROM review_items ri WHERE ri.updated_at > ${since}
      ), upserted AS (
        INSERT INTO stats_flags (
          review_item_id, agency_id, region_code, province_code, election_code, platform, codes, severity,
          flagged_at, activity_on, status, decision, decided_at, decided_by, decided_code, decided_severity, decision_seconds
        )
        SELECT ri.id, ri.agency_id, cs.region_code, coalesce(r.parent_code, r.code),
               jsonb_path_query_first(c.evidence, 'lax $.**.electionCode') #>> '{}',
               coalesce(p.platform, sa.platform),
               CASE WHEN cardinality(c.codes) = 0 THEN ARRAY['unspecified'] ELSE c.codes END,
               c.severity,
               ri.opened_at, (coalesce(p.posted_at, reply.posted_at, e.first_seen_at) AT TIME ZONE ${localZoneSql(sql.ref('cs.region_code'))})::date,
               ri.status, d.type, d.created_at, d.actor_user_id,
               coalesce(d.payload->>'code', c.codes[1]), coalesce(d.payload->>'severity', c.severity),
               extract(epoch FROM d.created_at - ri.opened_at)::int
        FROM changed ri
        JOIN civil_servants cs ON cs.id = ri.civil_servant_id
        JOIN regions r ON r.code = cs.region_code
        JOIN classifications c ON c.id = ri.classification_id
        LEFT JOIN posts p ON p.id = ri.post_id
        LEFT JOIN engagements e ON e.id = ri.engagement_id
        LEFT JOIN posts reply ON reply.id = e.evidence_post_id
        LEFT JOIN social_accounts sa ON sa.id = e.account_id
        -- The decision behind a final status: its latest confirm or dismiss event.
        LEFT JOIN LATERAL (
          SELECT ev.type, ev.created_at, ev.actor_user_id, ev.payload
          FROM review_events ev
          WHERE ev.review_item_id = ri.id AND ev.type = ri.status
          ORDER BY ev.seq DESC
          LIMIT 1
        ) d ON ri.status IN ('confirmed', 'dismissed')
        ON CONFLICT (review_item_id) DO UPDATE SET
          agency_id = excluded.agency_id, region_code = excluded.region_code, province_code = excluded.province_code,
          election_code = excluded.election_code, platform = excluded.platform, codes = excluded.codes,
          severity = excluded.severity, flagged_at = excluded.flagged_at, activity_on = excluded.activity_on,
          status = excluded.status, decision = excluded.decision, decided_at = excluded.decided_at,
          decided_by = excluded.decided_by, decided_code = excluded.decided_code,
          decided_severity = excluded.decided_severity, decision_seconds = excluded.decision_seconds
        RETURNING activity_on, agency_id
      ), cells AS (
        SELECT DISTINCT activity_on, agency_id FROM upserted
      )
      SELECT (SELECT count(*) FROM upserted)::int AS items,
             (SELECT array_agg(activity_on::text ORDER BY activity_on, agency_id) FROM cells) AS days,
             (SELECT array_agg(agency_id ORDER BY activity_on, agency_id) FROM cells) AS agencies,
             (SELECT max(updated_at) FROM changed) AS through
    `.execute(trx);
    const changed = rows[0]!;
    const cells = { days: changed.days ?? [], agencies: changed.agencies ?? [] };

    if (options.full) await rebuildRollups(trx, null);
    else if (cells.days.length > 0) await rebuildRollups(trx, cells);

    if (changed.through) {
      await sql`
        INSERT INTO stats_refresh_state (id, source_through, refreshed_at) VALUES (true, ${changed.through}, now())
        ON CONFLICT (id) DO UPDATE SET
          source_through = greatest(stats_refresh_state.source_through, excluded.source_through),
          refreshed_at = excluded.refreshed_at
      `.execute(trx);
    } else {
      await sql`UPDATE stats_refresh_state SET refreshed_at = now()`.execute(trx);
    }
    return { items: changed.items, cells: cells.days.length, durationMs: Math.round(performance.now() - started) };
  });
}
