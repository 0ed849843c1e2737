import { sql, type Kysely } from 'kysely';

/**
 * Photos are evidence (issue #12). A post's images are listed as the platform named them when
 * the post is stored (post_media, one row per image in the post's order) and fetched later on
 * their own queue, so text ingest never waits on a download.
 *
 * - media_objects holds each distinct image once, by the SHA-256 of its bytes: the store's key
 *   (the bytes themselves live in the media store, a directory or S3), what it is, its
 *   perceptual hash and the words OCR read in it. Never deleted with a post: a tombstoned
 *   post's photo stays evidence.
 * - post_media.state: 'pending' until fetched; 'stored' once its bytes are kept and read;
 *   'refused' when the platform's file is not an image we accept or not on its media hosts
 *   (final, with the reason); 'failed' after the last attempt of a fetch that kept failing.
 *   The pending partial index is what the reconciler scans to re-queue lost fetches.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE media_objects (
      sha256       text PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
      format       text NOT NULL,
      bytes        integer NOT NULL CHECK (bytes > 0),
      width        integer NOT NULL CHECK (width > 0),
      height       integer NOT NULL CHECK (height > 0),
      phash        text NOT NULL CHECK (phash ~ '^[0-9a-f]{16}$'),
      ocr_text     text NOT NULL,
      stored_at    timestamptz NOT NULL DEFAULT now()
    );

    CREATE TABLE post_media (
      post_id      bigint NOT NULL REFERENCES posts (id),
      position     smallint NOT NULL CHECK (position >= 0),
      kind         text NOT NULL CHECK (kind IN ('image', 'video_preview')),
      source_url   text NOT NULL,
      description  text,
      state        text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'stored', 'refused', 'failed')),
      media_sha256 text REFERENCES media_objects (sha256),
      attempts     integer NOT NULL DEFAULT 0,
      error        text,
      fetched_at   timestamptz,
      PRIMARY KEY (post_id, position),
      CHECK ((state = 'stored') = (media_sha256 IS NOT NULL))
    );
    CREATE INDEX post_media_pending ON post_media (post_id) WHERE state = 'pending';
    CREATE INDEX post_media_by_object ON post_media (media_sha256) WHERE media_sha256 IS NOT NULL;
    -- The reconciler looks for images read recently whose post was not classified since.
    CREATE INDEX post_media_stored_recently ON post_media (fetched_at) WHERE state = 'stored';
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Netra migrations are forward-only');
}
