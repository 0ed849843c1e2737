import { sql, type Kysely } from 'kysely';

/**
 * Monthly statistics rollups. stats_daily holds only a few flags per row at national scale
 * (~4 per (day, agency) cell), so summing it over a year reads almost as many rows as the facts.
 * Queries now read whole months from these tables and only the partial months at the edges of
 * a date range (and by-day or by-week groupings) from stats_daily or stats_flags.
 *
 * Both are derived from the 0004 tables by the same refresh, per (flag month, agency) cell.
 * Also: an index for decision times by agency, and array_cat_agg for exact medians over the
 * reviewer rollup's arrays.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- stats_daily summed per month: the same dimensions and measures, month instead of day.
    CREATE TABLE stats_monthly (
      month           date NOT NULL,        -- the first day of the flag month (WIB)
      agency_id       integer NOT NULL,
      region_code     text NOT NULL,
      province_code   text NOT NULL,
      election_code   text,
      platform        text NOT NULL,
      code            text NOT NULL,
      severity        text,
      flags           integer NOT NULL,
      flags_decided   integer NOT NULL,
      flags_confirmed integer NOT NULL,
      code_flags      integer NOT NULL,
      code_decided    integer NOT NULL,
      code_confirmed  integer NOT NULL,
      confirmed       integer NOT NULL
    );
    CREATE INDEX stats_monthly_month_idx ON stats_monthly (month);
    CREATE INDEX stats_monthly_agency_month_idx ON stats_monthly (agency_id, month);

    -- Decisions per reviewer and decision month. The seconds of every decision are kept (not
    -- summed) because the reviewers report gives an exact median, which sums cannot give.
    -- flag_month is the cell the refresh rebuilds, like the other rollups: a flag's decision
    -- can change, its flag day cannot.
    CREATE TABLE stats_reviewer_monthly (
      flag_month       date NOT NULL,
      month            date NOT NULL,       -- the first day of the decision month (WIB)
      decided_by       integer,
      agency_id        integer NOT NULL,
      election_code    text,
      decision         text NOT NULL CHECK (decision IN ('confirmed', 'dismissed')),
      decision_seconds integer[] NOT NULL
    );
    CREATE INDEX stats_reviewer_monthly_month_idx ON stats_reviewer_monthly (month);
    CREATE INDEX stats_reviewer_monthly_cell_idx ON stats_reviewer_monthly (flag_month, agency_id);

    -- Decision times grouped by agency read decided flags in agency order, so each agency's
    -- percentiles sort only its own seconds instead of one sort of every decision spilling to disk.
    CREATE INDEX stats_flags_decided_agency_idx ON stats_flags (agency_id) INCLUDE (flagged_on, decision_seconds)
      WHERE decision IS NOT NULL;

    -- Concatenates arrays: a group's seconds gathered from its monthly rows, so the median is
    -- taken per group in memory instead of sorting every decision of the range at once.
    CREATE AGGREGATE array_cat_agg(anycompatiblearray) (SFUNC = array_cat, STYPE = anycompatiblearray, INITCOND = '{}');
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Netra migrations are forward-only');
}
