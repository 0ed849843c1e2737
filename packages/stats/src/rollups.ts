import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '@netra/db';
import { daysOfMonth, monthStart } from './months.js';

/** (day, agency) cells as two parallel arrays, the shape unnest() reads them in. */
export interface Cells {
  days: string[];
  agencies: number[];
}

/**
 * Rebuilds every rollup row of these (activity day, agency) cells from the facts, or all rows when
 * `cells` is null: stats_daily for the cells themselves, stats_monthly and stats_reviewer_monthly
 * for the whole (activity month, agency) cells they fall in, since a month row sums all its days.
 */
export async function rebuildRollups(db: Kysely<Database>, cells: Cells | null): Promise<void> {
  if (!cells) await sql`TRUNCATE stats_daily, stats_monthly, stats_reviewer_monthly`.execute(db);
  const months = cells && monthCellsOf(cells);
  await rebuildDaily(db, cells);
  await rebuildMonthly(db, months);
  await rebuildReviewerMonthly(db, months);
}

/**
 * The (activity month, agency) cells of day cells: `months` to delete and range over, `days` (every
 * day of those months) to probe stats_daily by.
 */
function monthCellsOf(cells: Cells): { months: Cells; days: Cells } {
  const keys = [...new Set(cells.days.map((day, i) => `${monthStart(day)}|${cells.agencies[i]}`))];
  const pairs = keys.map((key) => key.split('|') as [string, string]);
  const months: Cells = { days: pairs.map(([m]) => m), agencies: pairs.map(([, a]) => Number(a)) };
  const days: Cells = { days: [], agencies: [] };
  for (const [month, agency] of pairs) {
    for (const day of daysOfMonth(month)) {
      days.days.push(day);
      days.agencies.push(Number(agency));
    }
  }
  return { months, days };
}

/** `(day, agency) IN cells`, or true for all. */
function inCells(cells: Cells | null, day: string, agency: string): RawBuilder<boolean> {
  return cells ? sql`(${sql.ref(day)}, ${sql.ref(agency)}) IN (SELECT * FROM unnest(${cells.days}::date[], ${cells.agencies}::int[]))` : sql`true`;
}

/**
 * Each flag adds to its codes' rows under the classifier's severity; a confirmed one also adds
 * `confirmed` under the code and severity the reviewer chose.
 */
async function rebuildDaily(db: Kysely<Database>, cells: Cells | null): Promise<void> {
  if (cells) await sql`DELETE FROM stats_daily s WHERE ${inCells(cells, 's.day', 's.agency_id')}`.execute(db);
  await sql`
    INSERT INTO stats_daily (
      day, agency_id, region_code, province_code, election_code, platform, code, severity,
      flags, flags_decided, flags_confirmed, code_flags, code_decided, code_confirmed, confirmed
    )
    SELECT day, agency_id, region_code, province_code, election_code, platform, code, severity,
           sum(flags), sum(flags_decided), sum(flags_confirmed), sum(code_flags), sum(code_decided), sum(code_confirmed), sum(confirmed)
    FROM (
      SELECT f.activity_on AS day, f.agency_id, f.region_code, f.province_code, f.election_code, f.platform,
             fc.code, f.severity,
             (fc.position = 1)::int AS flags,
             (fc.position = 1 AND f.decision IS NOT NULL)::int AS flags_decided,
             (fc.position = 1 AND f.decision IS NOT DISTINCT FROM 'confirmed')::int AS flags_confirmed,
             1 AS code_flags,
             (f.decision IS NOT NULL)::int AS code_decided,
             (f.decision IS NOT DISTINCT FROM 'confirmed')::int AS code_confirmed,
             0 AS confirmed
      FROM stats_flags f
      CROSS JOIN LATERAL unnest(f.codes) WITH ORDINALITY AS fc(code, position)
      WHERE ${inCells(cells, 'f.activity_on', 'f.agency_id')}
      UNION ALL
      SELECT f.activity_on, f.agency_id, f.region_code, f.province_code, f.election_code, f.platform,
             f.decided_code, f.decided_severity,
             0, 0, 0, 0, 0, 0, 1
      FROM stats_flags f
      WHERE ${inCells(cells, 'f.activity_on', 'f.agency_id')} AND f.decision = 'confirmed'
    ) contributions
    GROUP BY day, agency_id, region_code, province_code, election_code, platform, code, severity
  `.execute(db);
}

/**
 * stats_daily summed per month: month rows equal the sum of their days by construction. Read by
 * probing (day, agency) on stats_daily_agency_day_idx, a few rows per probe.
 */
async function rebuildMonthly(db: Kysely<Database>, cells: { months: Cells; days: Cells } | null): Promise<void> {
  if (cells) await sql`DELETE FROM stats_monthly s WHERE ${inCells(cells.months, 's.month', 's.agency_id')}`.execute(db);
  await sql`
    INSERT INTO stats_monthly (
      month, agency_id, region_code, province_code, election_code, platform, code, severity,
      flags, flags_decided, flags_confirmed, code_flags, code_decided, code_confirmed, confirmed
    )
    SELECT date_trunc('month', s.day)::date, s.agency_id, s.region_code, s.province_code, s.election_code, s.platform, s.code, s.severity,
           sum(s.flags), sum(s.flags_decided), sum(s.flags_confirmed), sum(s.code_flags), sum(s.code_decided), sum(s.code_confirmed), sum(s.confirmed)
    FROM stats_daily s
    WHERE ${inCells(cells?.days ?? null, 's.day', 's.agency_id')}
    GROUP BY 1, s.agency_id, s.region_code, s.province_code, s.election_code, s.platform, s.code, s.severity
  `.execute(db);
}

/**
 * `day` falls in one of the month cells, or true for all. Read as a range per month (a semi-join
 * Postgres runs as one pass over the decided facts) rather than probing each day of each month,
 * which costs a random heap read per fact.
 */
function inMonthCells(months: Cells | null, day: string, agency: string): RawBuilder<boolean> {
  return months
    ? sql`EXISTS (
        SELECT FROM unnest(${months.days}::date[], ${months.agencies}::int[]) AS c(month, agency_id)
        WHERE ${sql.ref(agency)} = c.agency_id AND ${sql.ref(day)} >= c.month AND ${sql.ref(day)} < (c.month + interval '1 month')::date
      )`
    : sql`true`;
}

/** Decided flags per reviewer and decision month (WIB), keeping every decision's seconds. */
async function rebuildReviewerMonthly(db: Kysely<Database>, cells: { months: Cells; days: Cells } | null): Promise<void> {
  if (cells) await sql`DELETE FROM stats_reviewer_monthly r WHERE ${inCells(cells.months, 'r.activity_month', 'r.agency_id')}`.execute(db);
  await sql`
    INSERT INTO stats_reviewer_monthly (activity_month, month, decided_by, agency_id, election_code, decision, decision_seconds)
    SELECT date_trunc('month', f.activity_on)::date,
           date_trunc('month', f.decided_at AT TIME ZONE 'Asia/Jakarta')::date,
           f.decided_by, f.agency_id, f.election_code, f.decision, array_agg(f.decision_seconds)
    FROM stats_flags f
    WHERE f.decision IS NOT NULL AND ${inMonthCells(cells?.months ?? null, 'f.activity_on', 'f.agency_id')}
    GROUP BY 1, 2, f.decided_by, f.agency_id, f.election_code, f.decision
  `.execute(db);
}
