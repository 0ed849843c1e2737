import { sql, type Kysely } from 'kysely';

/**
 * Reports (issue #12): what the public and staff send about platforms Netra cannot poll
 * (Facebook, Instagram, TikTok, YouTube, Threads) or anything it missed.
 *
 * - social_accounts may hold accounts on those platforms: registered to link reports, never polled.
 * - reports: the link, what the reporter saw, an optional contact (personal data: shown on the
 *   case only, never exported or counted) and an optional uploaded screenshot; then what the
 *   capture found (final URL, HTTP status, time, login wall, the page's HTML and full-page
 *   screenshot by SHA-256 in the media store) and whom it is about. A linked report becomes a
 *   post (posts.report_id) with the screenshot and upload as its images, classified and queued
 *   like any other.
 * - status: received → (captured, or its last attempt failed: capture_error) linked | unlinked
 *   (no registered account matches: a central reviewer links or rejects it). The upload is kept
 *   in the media store at once and read with the capture.
 * - reconcile: the scheduler queues a capture for every report still 'received'.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE social_accounts DROP CONSTRAINT social_accounts_platform_check;
    ALTER TABLE social_accounts ADD CONSTRAINT social_accounts_platform_check
      CHECK (platform IN ('mastodon', 'bluesky', 'x', 'facebook', 'instagram', 'tiktok', 'youtube', 'threads'));

    CREATE TABLE reports (
      id                 bigserial PRIMARY KEY,
      source             text NOT NULL CHECK (source IN ('public', 'staff')),
      submitted_by       integer REFERENCES users (id),
      url                text NOT NULL CHECK (length(url) <= 2048),
      platform           text,
      handle             text,
      description        text NOT NULL CHECK (length(description) BETWEEN 1 AND 4000),
      contact            text CHECK (length(contact) <= 300),
      upload_sha256      text CHECK (upload_sha256 ~ '^[0-9a-f]{64}$'),
      status             text NOT NULL DEFAULT 'received'
                         CHECK (status IN ('received', 'linked', 'unlinked', 'rejected')),
      capture_attempts   integer NOT NULL DEFAULT 0,
      capture_error      text,
      captured_at        timestamptz,
      final_url          text,
      http_status        integer,
      login_wall         boolean,
      page_title         text,
      page_text          text,
      html_sha256        text CHECK (html_sha256 ~ '^[0-9a-f]{64}$'),
      screenshot_sha256  text REFERENCES media_objects (sha256),
      civil_servant_id   integer REFERENCES civil_servants (id),
      decided_by         integer REFERENCES users (id),
      decided_at         timestamptz,
      created_at         timestamptz NOT NULL DEFAULT now(),
      CHECK ((source = 'staff') = (submitted_by IS NOT NULL)),
      CHECK (status <> 'linked' OR civil_servant_id IS NOT NULL)
    );
    CREATE INDEX reports_waiting_idx ON reports (created_at) WHERE status IN ('received', 'unlinked');

    ALTER TABLE posts ADD COLUMN report_id bigint UNIQUE REFERENCES reports (id);
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Netra migrations are forward-only');
}
