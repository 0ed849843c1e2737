import { sql, type Kysely } from 'kysely';

/**
 * The review workspace (issue #5): four-eyes approval checked by the database, holds and
 * re-flags as events, sign-in throttling, the read audit, per-agency delivery settings, and
 * forwardings per channel (webhook, e-mail) with the printable report they carry.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE review_events DROP CONSTRAINT review_events_type_check;
    ALTER TABLE review_events ADD CONSTRAINT review_events_type_check CHECK (type IN
      ('opened', 'claimed', 'released', 'confirmed', 'dismissed', 'escalated', 'reopened',
       'approved', 'held', 'reflagged', 'forwarding_retried'));

    ALTER TABLE review_items DROP CONSTRAINT review_items_status_check;
    ALTER TABLE review_items ADD CONSTRAINT review_items_status_check CHECK (status IN
      ('open', 'claimed', 'escalated', 'on_hold', 'awaiting_approval', 'confirmed', 'dismissed'));

    -- The queue reads the work still to do, highest priority first; these partial indexes serve
    -- it (central and per agency) in order, so a page costs the same with a million items.
    CREATE INDEX review_items_active_queue_idx ON review_items (priority DESC, id)
      WHERE status IN ('open', 'claimed', 'escalated');
    CREATE INDEX review_items_agency_active_queue_idx ON review_items (agency_id, priority DESC, id)
      WHERE status IN ('open', 'claimed', 'escalated');
    CREATE INDEX review_items_civil_servant_idx ON review_items (civil_servant_id, opened_at DESC);
    CREATE INDEX review_events_item_type_idx ON review_events (review_item_id, type);

    -- Four eyes: an approval is by a supervisor or central reviewer who did not make the confirm.
    CREATE FUNCTION review_events_check_approver() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      confirmer integer;
    BEGIN
      SELECT actor_user_id INTO confirmer FROM review_events
        WHERE review_item_id = NEW.review_item_id AND type = 'confirmed'
        ORDER BY seq DESC LIMIT 1;
      IF NEW.actor_user_id IS NULL OR confirmer IS NULL OR NEW.actor_user_id = confirmer
         OR NOT EXISTS (SELECT 1 FROM users u WHERE u.id = NEW.actor_user_id AND u.role IN ('supervisor', 'central_reviewer')) THEN
        RAISE EXCEPTION 'four eyes: review item % must be approved by a supervisor other than the confirming reviewer', NEW.review_item_id
          USING ERRCODE = 'check_violation';
      END IF;
      RETURN NEW;
    END $$;
    CREATE TRIGGER review_events_approver_check
      BEFORE INSERT ON review_events
      FOR EACH ROW WHEN (NEW.type = 'approved') EXECUTE FUNCTION review_events_check_approver();

    ALTER TABLE agencies
      ADD COLUMN requires_four_eyes boolean NOT NULL DEFAULT false,
      ADD COLUMN email_cases boolean NOT NULL DEFAULT false;   -- also send each case to contact_email

    -- One outbox row per confirm and channel; the report goes as JSON and as a printable page.
    ALTER TABLE forwardings
      ADD COLUMN channel text NOT NULL DEFAULT 'webhook' CHECK (channel IN ('webhook', 'email')),
      ADD COLUMN approve_event_id bigint REFERENCES review_events(id),
      ADD COLUMN report_html text;
    ALTER TABLE forwardings DROP CONSTRAINT forwardings_review_item_id_key;
    ALTER TABLE forwardings ADD CONSTRAINT forwardings_confirm_channel_key UNIQUE (confirm_event_id, channel);
    CREATE INDEX forwardings_review_item_idx ON forwardings (review_item_id);

    -- Invariant 1, extended: where the agency wants four eyes, a forwarding also names the
    -- approval of that very confirm by another person.
    CREATE OR REPLACE FUNCTION forwardings_require_human_confirm() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      confirmer integer;
    BEGIN
      SELECT e.actor_user_id INTO confirmer FROM review_events e
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
          AND a.seq > (SELECT seq FROM review_events WHERE id = NEW.confirm_event_id)
      ) THEN
        RAISE EXCEPTION 'forwarding of review item % needs a four-eyes approval by another person', NEW.review_item_id
          USING ERRCODE = 'check_violation';
      END IF;
      RETURN NEW;
    END $$;
    DROP TRIGGER forwardings_confirm_check ON forwardings;
    CREATE TRIGGER forwardings_confirm_check
      BEFORE INSERT OR UPDATE OF review_item_id, confirm_event_id, approve_event_id, agency_id ON forwardings
      FOR EACH ROW EXECUTE FUNCTION forwardings_require_human_confirm();

    -- Failed sign-ins per e-mail address, known or not (so a lockout does not reveal which
    -- addresses have accounts).
    CREATE TABLE sign_in_throttle (
      email           text PRIMARY KEY,
      failures        integer NOT NULL DEFAULT 0,
      last_failure_at timestamptz NOT NULL DEFAULT now(),
      locked_until    timestamptz
    );

    -- The read audit: who opened which civil servant's case, and when. Append-only, like the log.
    CREATE TABLE case_views (
      id             bigserial PRIMARY KEY,
      review_item_id bigint NOT NULL REFERENCES review_items(id),
      user_id        integer NOT NULL REFERENCES users(id),
      viewed_at      timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX case_views_item_idx ON case_views (review_item_id, viewed_at DESC);
    CREATE FUNCTION case_views_are_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'case_views is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
    END $$;
    CREATE TRIGGER case_views_no_update_delete
      BEFORE UPDATE OR DELETE ON case_views FOR EACH ROW EXECUTE FUNCTION case_views_are_append_only();
    CREATE TRIGGER case_views_no_truncate
      BEFORE TRUNCATE ON case_views FOR EACH STATEMENT EXECUTE FUNCTION case_views_are_append_only();
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Netra migrations are forward-only');
}
