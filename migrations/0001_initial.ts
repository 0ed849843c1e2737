import { sql, type Kysely } from 'kysely';

/**
 * The first schema. Written as SQL because most of what matters here (partial unique indexes,
 * NULLS NOT DISTINCT, triggers that enforce invariants) is clearest in SQL itself.
 * Never edit this file once it has landed: add a new migration.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE regions (
      code        text PRIMARY KEY,                 -- Kemendagri code, e.g. '31' (DKI), '35.73' (Kota Malang)
      name        text NOT NULL,
      parent_code text REFERENCES regions(code)     -- a regency's province
    );

    CREATE TABLE agencies (
      id            serial PRIMARY KEY,
      code          text NOT NULL UNIQUE,
      name          text NOT NULL,
      region_code   text NOT NULL REFERENCES regions(code),
      webhook_url   text,
      contact_email text,
      created_at    timestamptz NOT NULL DEFAULT now()
    );

    CREATE TABLE elections (
      id                 serial PRIMARY KEY,
      code               text NOT NULL UNIQUE,      -- e.g. 'pilpres-2024', 'pilgub-dki-2024'
      name               text NOT NULL,
      kind               text NOT NULL CHECK (kind IN ('presidential', 'legislative', 'regional')),
      region_code        text REFERENCES regions(code),   -- NULL: national
      campaign_starts_on date NOT NULL,
      campaign_ends_on   date NOT NULL,
      vote_on            date NOT NULL,
      CHECK (campaign_starts_on <= campaign_ends_on AND campaign_ends_on < vote_on),
      CHECK ((kind = 'regional') = (region_code IS NOT NULL))
    );

    CREATE TABLE candidates (
      id             serial PRIMARY KEY,
      election_id    integer NOT NULL REFERENCES elections(id),
      kind           text NOT NULL CHECK (kind IN ('pair', 'party')),
      ballot_number  integer CHECK (ballot_number > 0),
      label          text NOT NULL,                 -- 'Anies–Muhaimin', 'PDI Perjuangan'
      names          text[] NOT NULL,               -- people of the pair, or the party's name
      aliases        text[] NOT NULL DEFAULT '{}',  -- 'AMIN', 'Prabowo-Gibran', 'Ganjar'
      hashtags       text[] NOT NULL DEFAULT '{}',  -- without '#', lower case
      UNIQUE (election_id, label),
      UNIQUE (election_id, ballot_number)
    );

    CREATE TABLE civil_servants (
      id                  serial PRIMARY KEY,
      nip                 char(18) NOT NULL UNIQUE CHECK (nip ~ '^[0-9]{18}$'),
      full_name           text NOT NULL,
      agency_id           integer NOT NULL REFERENCES agencies(id),
      region_code         text NOT NULL REFERENCES regions(code),   -- where they serve: picks the Pilkada
      position            text,
      spouse_candidate_id integer REFERENCES candidates(id),        -- the allowed-exception case
      created_at          timestamptz NOT NULL DEFAULT now(),
      updated_at          timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX civil_servants_agency_idx ON civil_servants (agency_id);

    -- One row per monitored account: a civil servant's, or a candidate's/party's official one
    -- (watched to find who likes, shares and replies to it).
    CREATE TABLE social_accounts (
      id                  serial PRIMARY KEY,
      platform            text NOT NULL CHECK (platform IN ('mastodon', 'bluesky', 'x')),
      handle              text NOT NULL,
      platform_account_id text,                     -- stable id once resolved; handles change
      civil_servant_id    integer REFERENCES civil_servants(id),
      candidate_id        integer REFERENCES candidates(id),
      status              text NOT NULL DEFAULT 'active'
                          CHECK (status IN ('active', 'renamed', 'suspended', 'protected', 'not_found')),
      poll_cursor         text,                     -- newest platform post id seen (since_id)
      next_poll_at        timestamptz NOT NULL DEFAULT now(),
      last_polled_at      timestamptz,
      last_error          text,
      created_at          timestamptz NOT NULL DEFAULT now(),
      UNIQUE (platform, handle),
      CHECK (num_nonnulls(civil_servant_id, candidate_id) = 1)
    );
    CREATE UNIQUE INDEX social_accounts_platform_id_key
      ON social_accounts (platform, platform_account_id) WHERE platform_account_id IS NOT NULL;
    CREATE INDEX social_accounts_due_idx ON social_accounts (next_poll_at) WHERE status = 'active';
    CREATE INDEX social_accounts_civil_servant_idx ON social_accounts (civil_servant_id);

    CREATE TABLE posts (
      id                       bigserial PRIMARY KEY,
      platform                 text NOT NULL,
      platform_post_id         text NOT NULL,      -- a string: Mastodon ids exceed 2^53
      account_id               integer REFERENCES social_accounts(id),  -- NULL: author not registered
      author_handle            text NOT NULL,
      kind                     text NOT NULL CHECK (kind IN ('post', 'repost', 'reply')),
      text                     text NOT NULL,      -- plain text, untrusted: always rendered escaped
      url                      text,
      in_reply_to_platform_id  text,
      posted_at                timestamptz NOT NULL,
      fetched_at               timestamptz NOT NULL DEFAULT now(),
      raw                      jsonb NOT NULL,      -- the platform's payload, as received
      content_sha256           char(64) NOT NULL,   -- of text: what a reviewer saw is provable
      deleted_at               timestamptz,
      UNIQUE (platform, platform_post_id)
    );
    CREATE INDEX posts_account_idx ON posts (account_id, posted_at DESC);

    -- A registered civil servant's like, share or comment on someone else's post.
    CREATE TABLE engagements (
      id               bigserial PRIMARY KEY,
      kind             text NOT NULL CHECK (kind IN ('like', 'share', 'comment')),
      account_id       integer NOT NULL REFERENCES social_accounts(id),
      target_post_id   bigint NOT NULL REFERENCES posts(id),
      evidence_post_id bigint REFERENCES posts(id),   -- the reply itself, for a comment
      raw              jsonb NOT NULL,
      first_seen_at    timestamptz NOT NULL DEFAULT now(),
      last_seen_at     timestamptz NOT NULL DEFAULT now(),
      UNIQUE NULLS NOT DISTINCT (kind, account_id, target_post_id, evidence_post_id)
    );
    CREATE INDEX engagements_target_idx ON engagements (target_post_id);

    -- Each scoring of a subject. Never overwritten: a new classifier version or new context
    -- (say, a reply's parent found later) adds a row; the same input twice does not.
    CREATE TABLE classifications (
      id                 bigserial PRIMARY KEY,
      post_id            bigint REFERENCES posts(id),
      engagement_id      bigint REFERENCES engagements(id),
      classifier_version text NOT NULL,
      input_sha256       char(64) NOT NULL,
      flagged            boolean NOT NULL,
      score              real NOT NULL CHECK (score >= 0 AND score <= 1),
      codes              text[] NOT NULL,
      severity           text CHECK (severity IN ('ringan', 'sedang', 'berat')),
      evidence           jsonb NOT NULL,
      created_at         timestamptz NOT NULL DEFAULT now(),
      CHECK (num_nonnulls(post_id, engagement_id) = 1),
      UNIQUE NULLS NOT DISTINCT (post_id, engagement_id, classifier_version, input_sha256)
    );

    CREATE TABLE users (
      id            serial PRIMARY KEY,
      email         text NOT NULL UNIQUE CHECK (email = lower(email)),
      display_name  text NOT NULL,
      role          text NOT NULL
                    CHECK (role IN ('reviewer', 'supervisor', 'central_reviewer', 'analyst', 'admin')),
      agency_id     integer REFERENCES agencies(id),
      password_hash text NOT NULL,
      created_at    timestamptz NOT NULL DEFAULT now(),
      disabled_at   timestamptz,
      -- agency-scoped roles must name their agency
      CHECK (role NOT IN ('reviewer', 'supervisor') OR agency_id IS NOT NULL)
    );

    CREATE TABLE sessions (
      token_sha256 char(64) PRIMARY KEY,            -- the cookie holds the token, we keep its hash
      user_id      integer NOT NULL REFERENCES users(id),
      created_at   timestamptz NOT NULL DEFAULT now(),
      expires_at   timestamptz NOT NULL
    );

    -- One per flagged subject. The status columns are a projection of review_events, written by
    -- the same transaction that appends the event; review_events is the truth.
    CREATE TABLE review_items (
      id                 bigserial PRIMARY KEY,
      post_id            bigint UNIQUE REFERENCES posts(id),
      engagement_id      bigint UNIQUE REFERENCES engagements(id),
      civil_servant_id   integer NOT NULL REFERENCES civil_servants(id),
      agency_id          integer NOT NULL REFERENCES agencies(id),   -- copied for scoping queries
      classification_id  bigint NOT NULL REFERENCES classifications(id),
      priority           real NOT NULL,
      status             text NOT NULL DEFAULT 'open'
                         CHECK (status IN ('open', 'claimed', 'escalated', 'confirmed', 'dismissed')),
      claimed_by         integer REFERENCES users(id),
      claim_expires_at   timestamptz,
      last_event_seq     integer NOT NULL DEFAULT 0,
      opened_at          timestamptz NOT NULL DEFAULT now(),
      updated_at         timestamptz NOT NULL DEFAULT now(),
      CHECK (num_nonnulls(post_id, engagement_id) = 1)
    );
    CREATE INDEX review_items_queue_idx ON review_items (agency_id, status, priority DESC, id);

    CREATE TABLE review_events (
      id             bigserial PRIMARY KEY,
      review_item_id bigint NOT NULL REFERENCES review_items(id),
      seq            integer NOT NULL CHECK (seq > 0),
      type           text NOT NULL CHECK (type IN
                     ('opened', 'claimed', 'released', 'confirmed', 'dismissed', 'escalated', 'reopened')),
      actor_user_id  integer REFERENCES users(id),   -- NULL: the system (the classifier opened it)
      payload        jsonb NOT NULL DEFAULT '{}',
      created_at     timestamptz NOT NULL DEFAULT now(),
      prev_hash      char(64),                        -- hash chain: tampering with history shows
      hash           char(64) NOT NULL,
      UNIQUE (review_item_id, seq)
    );

    CREATE FUNCTION review_events_are_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'review_events is append-only: % is not allowed', TG_OP
        USING ERRCODE = 'insufficient_privilege';
    END $$;
    CREATE TRIGGER review_events_no_update_delete
      BEFORE UPDATE OR DELETE ON review_events
      FOR EACH ROW EXECUTE FUNCTION review_events_are_append_only();
    CREATE TRIGGER review_events_no_truncate
      BEFORE TRUNCATE ON review_events
      FOR EACH STATEMENT EXECUTE FUNCTION review_events_are_append_only();

    -- The outbox: a confirmed case waiting for, or done with, delivery to the home agency.
    CREATE TABLE forwardings (
      id               bigserial PRIMARY KEY,
      review_item_id   bigint NOT NULL UNIQUE REFERENCES review_items(id),
      confirm_event_id bigint NOT NULL REFERENCES review_events(id),
      agency_id        integer NOT NULL REFERENCES agencies(id),
      idempotency_key  uuid NOT NULL UNIQUE,
      report           jsonb NOT NULL,
      status           text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed')),
      attempts         integer NOT NULL DEFAULT 0,
      next_attempt_at  timestamptz NOT NULL DEFAULT now(),
      last_error       text,
      delivered_at     timestamptz,
      created_at       timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX forwardings_due_idx ON forwardings (next_attempt_at) WHERE status = 'pending';

    -- Invariant 1: nothing is forwarded without a human confirm of that very item.
    CREATE FUNCTION forwardings_require_human_confirm() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NOT EXISTS (
        SELECT 1 FROM review_events e
        WHERE e.id = NEW.confirm_event_id
          AND e.review_item_id = NEW.review_item_id
          AND e.type = 'confirmed'
          AND e.actor_user_id IS NOT NULL
      ) THEN
        RAISE EXCEPTION 'forwarding of review item % needs a confirmed event by a person', NEW.review_item_id
          USING ERRCODE = 'check_violation';
      END IF;
      RETURN NEW;
    END $$;
    CREATE TRIGGER forwardings_confirm_check
      BEFORE INSERT OR UPDATE OF review_item_id, confirm_event_id ON forwardings
      FOR EACH ROW EXECUTE FUNCTION forwardings_require_human_confirm();

    CREATE TABLE forwarding_attempts (
      id            bigserial PRIMARY KEY,
      forwarding_id bigint NOT NULL REFERENCES forwardings(id),
      attempted_at  timestamptz NOT NULL DEFAULT now(),
      http_status   integer,
      error         text,
      duration_ms   integer NOT NULL
    );
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Netra migrations are forward-only');
}
