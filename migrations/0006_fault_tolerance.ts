import { sql, type Kysely } from 'kysely';

/**
 * Keeping promises when things fail (issue #9):
 * - A forwarding goes out only while its item is confirmed *now* by that very confirm: a reopen
 *   cancels what is still pending, and the database refuses a pending forwarding otherwise. A
 *   case already delivered before the reopen is followed by a signed withdrawal notice.
 * - Every delivery attempt is a row before the call and gets its outcome after it, so an attempt
 *   cut short by a crash still shows (with no outcome).
 * - What Redis held in flight can be re-derived from Postgres: when an account was claimed for a
 *   poll, and how far the sweep for never-classified subjects has come.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE forwardings DROP CONSTRAINT forwardings_status_check;
    ALTER TABLE forwardings ADD CONSTRAINT forwardings_status_check
      CHECK (status IN ('pending', 'delivered', 'failed', 'cancelled'));
    ALTER TABLE forwardings
      ADD COLUMN kind text NOT NULL DEFAULT 'case' CHECK (kind IN ('case', 'withdrawal')),
      -- A withdrawal notice names the delivered case it withdraws.
      ADD COLUMN withdraws_forwarding_id bigint REFERENCES forwardings(id),
      -- The reopen that cancelled or withdrew this case.
      ADD COLUMN cancelled_by_event_id bigint REFERENCES review_events(id),
      ADD CHECK ((kind = 'withdrawal') = (withdraws_forwarding_id IS NOT NULL));
    ALTER TABLE forwardings DROP CONSTRAINT forwardings_confirm_channel_key;
    ALTER TABLE forwardings ADD CONSTRAINT forwardings_confirm_channel_kind_key UNIQUE (confirm_event_id, channel, kind);
    CREATE UNIQUE INDEX forwardings_one_withdrawal_idx ON forwardings (withdraws_forwarding_id) WHERE kind = 'withdrawal';

    -- Invariant 1, as of now: a case forwarding becomes pending (queued, or retried) only while
    -- its item is confirmed by this very confirm, with no reopen or other decision since.
    CREATE OR REPLACE FUNCTION forwardings_require_human_confirm() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      confirmer integer;
      confirm_seq integer;
    BEGIN
      IF NEW.kind = 'withdrawal' THEN
        IF NOT EXISTS (
          SELECT 1 FROM forwardings c
          WHERE c.id = NEW.withdraws_forwarding_id AND c.kind = 'case'
            AND c.review_item_id = NEW.review_item_id AND c.delivered_at IS NOT NULL
        ) THEN
          RAISE EXCEPTION 'a withdrawal notice of review item % must name a case delivered to the agency', NEW.review_item_id
            USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
      END IF;
      SELECT e.actor_user_id, e.seq INTO confirmer, confirm_seq FROM review_events e
        WHERE e.id = NEW.confirm_event_id AND e.review_item_id = NEW.review_item_id AND e.type = 'confirmed';
      IF confirmer IS NULL THEN
        RAISE EXCEPTION 'forwarding of review item % needs a confirmed event by a person', NEW.review_item_id
          USING ERRCODE = 'check_violation';
      END IF;
      IF (SELECT requires_four_eyes FROM agencies WHERE id = NEW.agency_id) AND NOT EXISTS (
        SELECT 1 FROM review_events a
        WHERE a.id = NEW.approve_event_id
          AND a.review_item_id = NEW.review_item_id
          AND a.type = 'approved'
          AND a.actor_user_id IS DISTINCT FROM confirmer
          AND a.seq > confirm_seq
      ) THEN
        RAISE EXCEPTION 'forwarding of review item % needs a four-eyes approval by another person', NEW.review_item_id
          USING ERRCODE = 'check_violation';
      END IF;
      IF NEW.status = 'pending' AND (TG_OP = 'INSERT' OR OLD.status <> 'pending') AND (
        NOT EXISTS (SELECT 1 FROM review_items i WHERE i.id = NEW.review_item_id AND i.status = 'confirmed')
        OR EXISTS (
          SELECT 1 FROM review_events later
          WHERE later.review_item_id = NEW.review_item_id AND later.seq > confirm_seq
            AND later.type IN ('reopened', 'confirmed', 'dismissed')
        )
      ) THEN
        RAISE EXCEPTION 'forwarding of review item % refused: the item is not confirmed now by that confirm', NEW.review_item_id
          USING ERRCODE = 'check_violation';
      END IF;
      RETURN NEW;
    END $$;
    DROP TRIGGER forwardings_confirm_check ON forwardings;
    CREATE TRIGGER forwardings_confirm_check
      BEFORE INSERT OR UPDATE OF review_item_id, confirm_event_id, approve_event_id, agency_id, status, kind ON forwardings
      FOR EACH ROW EXECUTE FUNCTION forwardings_require_human_confirm();

    -- An attempt is recorded before the call; finished_at and the outcome after it. An attempt
    -- with no finished_at whose forwarding moved on was cut short (the forwarder died).
    ALTER TABLE forwarding_attempts
      ALTER COLUMN duration_ms DROP NOT NULL,
      ADD COLUMN finished_at timestamptz;
    UPDATE forwarding_attempts SET finished_at = attempted_at;

    -- When the scheduler last handed the account to a poll job: an account claimed but not
    -- polled since is work that was in flight in Redis.
    ALTER TABLE social_accounts ADD COLUMN poll_claimed_at timestamptz;
    -- Staleness per platform (the oldest successful poll) without a scan.
    CREATE INDEX social_accounts_poll_age_idx ON social_accounts (platform, (coalesce(last_polled_at, created_at)))
      WHERE status = 'active' AND civil_servant_id IS NOT NULL;

    -- How far the sweep for never-classified subjects has come, per kind of subject.
    CREATE TABLE reconcile_watermarks (
      name    text PRIMARY KEY,
      last_id bigint NOT NULL
    );
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Netra migrations are forward-only');
}
