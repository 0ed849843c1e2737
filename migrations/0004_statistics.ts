import { sql, type Kysely } from 'kysely';

/**
 * Statistics (issue #6): what analysts count, denormalised once by the stats refresh job
 * (packages/stats) instead of joining JSON evidence and the event log at query time.
 *
 * - stats_flags: one row per review item with the dimensions and the decision statistics need.
 * - stats_daily: stats_flags summed per day and dimension combination; every count query reads it.
 * Both are derived, rebuildable data: the review log stays the truth.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE stats_flags (
      review_item_id   bigint PRIMARY KEY REFERENCES review_items(id),
      agency_id        integer NOT NULL,
      region_code      text NOT NULL,        -- where the civil servant serves (regency, or a province)
      province_code    text NOT NULL,
      election_code    text,                 -- the first election the evidence names; NULL: none named
      platform         text NOT NULL,
      codes            text[] NOT NULL,      -- the flag's codes; never empty ('unspecified' stands in)
      severity         text,                 -- the classifier's suggestion
      flagged_at       timestamptz NOT NULL,
      flagged_on       date NOT NULL,        -- the day in Asia/Jakarta (WIB)
      status           text NOT NULL,
      decision         text CHECK (decision IN ('confirmed', 'dismissed')),
      decided_at       timestamptz,
      decided_by       integer,
      decided_code     text,                 -- the reviewer's code and severity, for a confirm
      decided_severity text,
      decision_seconds integer,
      CHECK ((decision IS NULL) = (decided_at IS NULL))
    );
    -- The refresh rebuilds the rollup per (flag day, agency) cell.
    CREATE INDEX stats_flags_cell_idx ON stats_flags (flagged_on, agency_id);
    -- Decision times read decided items of a flag-day range; reviewer figures a decision-time range.
    CREATE INDEX stats_flags_decided_on_idx ON stats_flags (flagged_on)
      INCLUDE (agency_id, decision_seconds) WHERE decision IS NOT NULL;
    CREATE INDEX stats_flags_decided_at_idx ON stats_flags (decided_at)
      INCLUDE (decided_by, agency_id, decision, decision_seconds) WHERE decision IS NOT NULL;

    -- Measures per flag-day and dimension combination. A flag with several codes adds to
    -- code_flags under each code, but to flags only once (under its first code), so sums over
    -- any grouping without the code stay item counts. 'confirmed' is counted under the code
    -- and severity the reviewer confirmed; every other measure under the classifier's.
    CREATE TABLE stats_daily (
      day             date NOT NULL,
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
    CREATE INDEX stats_daily_day_idx ON stats_daily (day);
    CREATE INDEX stats_daily_agency_day_idx ON stats_daily (agency_id, day);

    -- How far the refresh has read review_items (by updated_at): a single row.
    CREATE TABLE stats_refresh_state (
      id              boolean PRIMARY KEY DEFAULT true CHECK (id),
      source_through  timestamptz NOT NULL,
      refreshed_at    timestamptz NOT NULL
    );

    -- The refresh finds changed items by updated_at; the backlog reads undecided items by age.
    CREATE INDEX review_items_updated_at_idx ON review_items (updated_at);
    CREATE INDEX review_items_undecided_age_idx ON review_items (opened_at) INCLUDE (agency_id)
      WHERE status NOT IN ('confirmed', 'dismissed');
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Netra migrations are forward-only');
}
