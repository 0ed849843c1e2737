import { sql, type Kysely } from 'kysely';

/**
 * Ingest for several platforms at national scale (issue 3): raw pages kept before cursors move,
 * post versions and tombstones, watched posts with engagement coverage, an append-only account
 * history, per-account home instance and adaptive poll interval.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- Quote posts (X quote, Bluesky embed.record, Mastodon 4.4 quote) are posts with text of their own.
    ALTER TABLE posts DROP CONSTRAINT posts_kind_check;
    ALTER TABLE posts ADD CONSTRAINT posts_kind_check CHECK (kind IN ('post', 'repost', 'reply', 'quote'));

    ALTER TABLE social_accounts
      -- The account's home instance (Mastodon has many): asked for its posts and its posts' likes.
      -- NULL: the platform's configured base URL.
      ADD COLUMN base_url text CHECK (base_url ~ '^https?://'),
      -- Adaptive: shorter for accounts that post often or have been flagged. NULL: the default.
      ADD COLUMN poll_interval_seconds integer CHECK (poll_interval_seconds > 0);

    -- Due accounts are claimed per platform (each platform has its own queue and limits).
    DROP INDEX social_accounts_due_idx;
    CREATE INDEX social_accounts_platform_due_idx ON social_accounts (platform, next_poll_at) WHERE status = 'active';

    -- What became of an account, in order: resolved to its stable id, renamed, suspended, ...
    -- Append-only: the history is evidence (a suspension right after a flag is itself a fact).
    CREATE TABLE social_account_events (
      id          bigserial PRIMARY KEY,
      account_id  integer NOT NULL REFERENCES social_accounts(id),
      kind        text NOT NULL CHECK (kind IN ('resolved', 'renamed', 'status')),
      from_value  text,
      to_value    text NOT NULL,
      reason      text,
      at          timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX social_account_events_account_idx ON social_account_events (account_id, id);

    CREATE FUNCTION social_account_events_are_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'social_account_events is append-only: % is not allowed', TG_OP
        USING ERRCODE = 'insufficient_privilege';
    END $$;
    CREATE TRIGGER social_account_events_no_update_delete
      BEFORE UPDATE OR DELETE ON social_account_events
      FOR EACH ROW EXECUTE FUNCTION social_account_events_are_append_only();

    -- Every platform answer ingest acted on, exactly as received, stored in the same transaction
    -- as what was derived from it and the cursor it advanced ("raw first, cursor second").
    CREATE TABLE raw_pages (
      id            bigserial PRIMARY KEY,
      platform      text NOT NULL,
      account_id    integer REFERENCES social_accounts(id),
      request_url   text NOT NULL,
      http_status   integer NOT NULL,
      rate_headers  jsonb NOT NULL,
      body          text NOT NULL,
      body_sha256   char(64) NOT NULL,
      retrieved_at  timestamptz NOT NULL,
      stored_at     timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX raw_pages_account_idx ON raw_pages (account_id, retrieved_at);

    -- Later versions of a post. posts.text stays the first captured version (the evidence a
    -- classification points to); each different text seen later is added here, never overwritten.
    CREATE TABLE post_versions (
      id              bigserial PRIMARY KEY,
      post_id         bigint NOT NULL REFERENCES posts(id),
      text            text NOT NULL,
      content_sha256  char(64) NOT NULL,
      raw             jsonb NOT NULL,
      edited_at       timestamptz,
      first_seen_at   timestamptz NOT NULL DEFAULT now(),
      -- Bumped when the post changes back to this text, so the newest-seen version is the current one.
      last_seen_at    timestamptz NOT NULL DEFAULT now(),
      UNIQUE (post_id, content_sha256)
    );

    -- A tombstone: the answer that said the post is gone. deleted_at was in 0001; the post row
    -- and its versions stay.
    ALTER TABLE posts ADD COLUMN deletion_page_id bigint REFERENCES raw_pages(id);

    -- Posts re-checked on a schedule: a candidate's, for who likes, shares and replies to it
    -- (densely while young), and a flagged civil servant's, for whether it is still there.
    CREATE TABLE watched_posts (
      post_id          bigint PRIMARY KEY REFERENCES posts(id),
      platform         text NOT NULL,
      reason           text NOT NULL CHECK (reason IN ('engagement', 'flagged')),
      next_check_at    timestamptz,      -- NULL: aged out, no longer checked
      checks           integer NOT NULL DEFAULT 0,
      last_checked_at  timestamptz,
      -- Coverage: what the platform counted, and how many of those it listed to us.
      like_count       integer,
      likers_listed    integer,
      share_count      integer,
      sharers_listed   integer,
      reply_count      integer,
      repliers_listed  integer
    );
    CREATE INDEX watched_posts_due_idx ON watched_posts (platform, next_check_at) WHERE next_check_at IS NOT NULL;
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Netra migrations are forward-only');
}
