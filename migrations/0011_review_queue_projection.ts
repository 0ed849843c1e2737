import { sql, type Kysely } from 'kysely';

/**
 * The review queue at national scale (issue #10). With a million items the queue page spent
 * 99% of its time counting: every request joined five tables over every visible item.
 *
 * - review_items carries what the queue filters on (the civil servant's region, the platform,
 *   the codes and the elections the evidence names) and the `escalated` flag of the state
 *   machine, so a page is one ordered index walk with no joins until its 50 rows are known.
 *   The filter columns are filled by a trigger from the rows they describe, so no writer can
 *   forget them; `escalated` is part of the status projection, written with each event.
 * - review_queue_counts holds the number of items per (agency, stored status, region, platform,
 *   code, election), maintained by a trigger in the same transaction as the change. '*' in code
 *   or election is the row for "any", so an item is counted once per filter combination. The
 *   counts are derived data: `rebuild_review_queue_counts()` recomputes them from the items.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE review_items
      ADD COLUMN escalated      boolean NOT NULL DEFAULT false,
      -- COLLATE "C": a region and everything under it is the byte range [code, code || '/'),
      -- one index range for a province ('35' .. '35.73') as for a regency.
      ADD COLUMN region_code    text COLLATE "C",
      ADD COLUMN platform       text,
      ADD COLUMN codes          text[],
      ADD COLUMN election_codes text[];

    CREATE FUNCTION review_items_fill_queue_columns() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      SELECT cs.region_code INTO NEW.region_code FROM civil_servants cs WHERE cs.id = NEW.civil_servant_id;
      SELECT c.codes,
             ARRAY(SELECT DISTINCT evidence_item -> 'candidate' ->> 'electionCode'
                   FROM jsonb_array_elements(CASE WHEN jsonb_typeof(c.evidence -> 'items') = 'array'
                                                  THEN c.evidence -> 'items' ELSE '[]'::jsonb END) AS evidence_item
                   WHERE evidence_item -> 'candidate' ->> 'electionCode' IS NOT NULL
                   ORDER BY 1)
        INTO NEW.codes, NEW.election_codes
        FROM classifications c WHERE c.id = NEW.classification_id;
      -- A comment, like or share is on the platform of the post it engages with.
      NEW.platform := coalesce(
        (SELECT p.platform FROM posts p WHERE p.id = NEW.post_id),
        (SELECT tp.platform FROM engagements e JOIN posts tp ON tp.id = e.target_post_id WHERE e.id = NEW.engagement_id));
      RETURN NEW;
    END $$;
    CREATE TRIGGER review_items_fill_queue_columns
      BEFORE INSERT OR UPDATE OF classification_id, civil_servant_id, post_id, engagement_id ON review_items
      FOR EACH ROW EXECUTE FUNCTION review_items_fill_queue_columns();

    -- A civil servant who moves (a registry re-import) takes their open items along, as the
    -- queue showed before it stored the region.
    CREATE FUNCTION civil_servants_move_review_items() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      UPDATE review_items SET region_code = NEW.region_code WHERE civil_servant_id = NEW.id;
      RETURN NULL;
    END $$;
    CREATE TRIGGER civil_servants_move_review_items
      AFTER UPDATE OF region_code ON civil_servants
      FOR EACH ROW WHEN (OLD.region_code IS DISTINCT FROM NEW.region_code)
      EXECUTE FUNCTION civil_servants_move_review_items();

    UPDATE review_items SET classification_id = classification_id;
    UPDATE review_items ri SET escalated = true
      WHERE EXISTS (SELECT 1 FROM review_events ev WHERE ev.review_item_id = ri.id AND ev.type = 'escalated');
    ALTER TABLE review_items
      ALTER COLUMN region_code SET NOT NULL,
      ALTER COLUMN platform SET NOT NULL,
      ALTER COLUMN codes SET NOT NULL,
      ALTER COLUMN election_codes SET NOT NULL;

    CREATE TABLE review_queue_counts (
      agency_id     integer NOT NULL,
      status        text NOT NULL,
      region_code   text COLLATE "C" NOT NULL,
      platform      text NOT NULL,
      code          text NOT NULL,    -- a violation code, or '*' for any
      election_code text NOT NULL,    -- an election code, or '*' for any
      items         integer NOT NULL,
      PRIMARY KEY (agency_id, status, code, election_code, platform, region_code)
    );
    CREATE INDEX review_queue_counts_any_agency_idx ON review_queue_counts (code, election_code, status);

    -- One statement per change, its keys in one order: concurrent changes lock the counter rows
    -- in the same order and cannot deadlock on each other.
    CREATE FUNCTION review_queue_counts_shift(
      old_agency integer, old_status text, old_region text, old_platform text, old_codes text[], old_elections text[],
      new_agency integer, new_status text, new_region text, new_platform text, new_codes text[], new_elections text[]
    ) RETURNS void LANGUAGE sql AS $$
      INSERT INTO review_queue_counts AS q (agency_id, status, code, election_code, platform, region_code, items)
      SELECT ch.agency_id, ch.status, code, election_code, ch.platform, ch.region_code, sum(ch.delta)::integer
      FROM (
        SELECT old_agency, old_status, old_region, old_platform, old_codes, old_elections, -1 WHERE old_agency IS NOT NULL
        UNION ALL
        SELECT new_agency, new_status, new_region, new_platform, new_codes, new_elections, 1 WHERE new_agency IS NOT NULL
      ) AS ch (agency_id, status, region_code, platform, codes, elections, delta)
      CROSS JOIN LATERAL (SELECT DISTINCT unnest(ch.codes || '{*}'::text[])) AS c (code)
      CROSS JOIN LATERAL (SELECT DISTINCT unnest(ch.elections || '{*}'::text[])) AS e (election_code)
      GROUP BY 1, 2, 3, 4, 5, 6
      HAVING sum(ch.delta) <> 0
      ORDER BY 1, 2, 3, 4, 5, 6
      ON CONFLICT (agency_id, status, code, election_code, platform, region_code)
        DO UPDATE SET items = q.items + excluded.items;
    $$;

    CREATE FUNCTION review_queue_counts_follow() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'INSERT' THEN
        PERFORM review_queue_counts_shift(NULL, NULL, NULL, NULL, NULL, NULL,
          NEW.agency_id, NEW.status, NEW.region_code, NEW.platform, NEW.codes, NEW.election_codes);
      ELSIF TG_OP = 'DELETE' THEN
        PERFORM review_queue_counts_shift(OLD.agency_id, OLD.status, OLD.region_code, OLD.platform, OLD.codes, OLD.election_codes,
          NULL, NULL, NULL, NULL, NULL, NULL);
      ELSE
        PERFORM review_queue_counts_shift(OLD.agency_id, OLD.status, OLD.region_code, OLD.platform, OLD.codes, OLD.election_codes,
          NEW.agency_id, NEW.status, NEW.region_code, NEW.platform, NEW.codes, NEW.election_codes);
      END IF;
      RETURN NULL;
    END $$;
    CREATE TRIGGER review_queue_counts_insert_delete AFTER INSERT OR DELETE ON review_items
      FOR EACH ROW EXECUTE FUNCTION review_queue_counts_follow();
    CREATE TRIGGER review_queue_counts_update AFTER UPDATE ON review_items
      FOR EACH ROW WHEN ((OLD.agency_id, OLD.status, OLD.region_code, OLD.platform, OLD.codes, OLD.election_codes)
                         IS DISTINCT FROM (NEW.agency_id, NEW.status, NEW.region_code, NEW.platform, NEW.codes, NEW.election_codes))
      EXECUTE FUNCTION review_queue_counts_follow();

    CREATE FUNCTION rebuild_review_queue_counts() RETURNS void LANGUAGE sql AS $$
      DELETE FROM review_queue_counts;
      INSERT INTO review_queue_counts (agency_id, status, code, election_code, platform, region_code, items)
      SELECT ri.agency_id, ri.status, code, election_code, ri.platform, ri.region_code, count(*)::integer
      FROM review_items ri
      CROSS JOIN LATERAL (SELECT DISTINCT unnest(ri.codes || '{*}'::text[])) AS c (code)
      CROSS JOIN LATERAL (SELECT DISTINCT unnest(ri.election_codes || '{*}'::text[])) AS e (election_code)
      GROUP BY 1, 2, 3, 4, 5, 6;
    $$;
    SELECT rebuild_review_queue_counts();
    -- TRUNCATE fires no row triggers: the counts go with the items.
    CREATE FUNCTION review_queue_counts_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      TRUNCATE review_queue_counts;
      RETURN NULL;
    END $$;
    CREATE TRIGGER review_queue_counts_truncate AFTER TRUNCATE ON review_items
      FOR EACH STATEMENT EXECUTE FUNCTION review_queue_counts_truncate();

    -- Pages walk one index per stored status in queue order (priority high to low, then oldest
    -- first), per agency or for all. The key is (-priority, id) so that "after the cursor" is the
    -- row comparison (-priority, id) > (-p, id): one index range, however many items tie on
    -- priority. One index each finds the rare filters (a regency, an election, a code) for a
    -- bitmap and a sort.
    DROP INDEX review_items_active_queue_idx;
    DROP INDEX review_items_agency_active_queue_idx;
    DROP INDEX review_items_queue_idx;
    CREATE INDEX review_items_status_queue_idx ON review_items (status, (-priority), id);
    CREATE INDEX review_items_agency_queue_idx ON review_items (agency_id, status, (-priority), id);
    CREATE INDEX review_items_region_idx ON review_items (region_code);
    CREATE INDEX review_items_codes_idx ON review_items USING gin (codes);
    CREATE INDEX review_items_election_codes_idx ON review_items USING gin (election_codes);
    -- The oldest item waiting for a person, and date-range counts.
    CREATE INDEX review_items_waiting_age_idx ON review_items (opened_at) WHERE status IN ('open', 'claimed', 'escalated');
    CREATE INDEX review_items_agency_waiting_age_idx ON review_items (agency_id, opened_at) WHERE status IN ('open', 'claimed', 'escalated');
    CREATE INDEX review_items_opened_idx ON review_items (opened_at);
    CREATE INDEX review_items_agency_opened_idx ON review_items (agency_id, opened_at);
    -- Claims whose lease ran out show as open or escalated again: the few live claims, by expiry.
    CREATE INDEX review_items_claims_idx ON review_items (claim_expires_at) WHERE status = 'claimed';
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Netra migrations are forward-only');
}
