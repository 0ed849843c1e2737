import { sql, type Kysely } from 'kysely';
import { isPolledPlatform, type Platform } from '@netra/core';
import type { Db } from '../connection.js';
import type { Database, PostMediaKind, PostMediaState } from '../schema.js';

/** An image of a post still to fetch. */
export interface PendingMedia {
  position: number;
  kind: PostMediaKind;
  sourceUrl: string;
  attempts: number;
}

/** A post whose images are due, with what fetching them needs to know. */
export interface PostAwaitingMedia {
  postId: string;
  platform: Platform;
  /** The author's home instance (multi-instance Mastodon); null: the platform's configured base URL. */
  accountBaseUrl: string | null;
  /** The post's web address: a Mastodon post's own instance serves its files. */
  postUrl: string | null;
  /** A registered civil servant's post: classified again once its images are read. */
  isSubject: boolean;
  /** A candidate's or party's official post: its images are the known campaign images. */
  isCampaign: boolean;
  pending: PendingMedia[];
}

/** What was learnt about one image file. */
export interface MediaObjectFacts {
  sha256: string;
  format: string;
  bytes: number;
  width: number;
  height: number;
  phash: string;
  ocrText: string;
}

/** Records an image file once (its SHA-256 is its identity), inside the caller's transaction. */
export async function recordMediaObject(db: Kysely<Database>, facts: MediaObjectFacts): Promise<void> {
  await db
    .insertInto('media_objects')
    .values({ sha256: facts.sha256, format: facts.format, bytes: facts.bytes, width: facts.width, height: facts.height, phash: facts.phash, ocr_text: facts.ocrText })
    .onConflict((oc) => oc.column('sha256').doNothing())
    .execute();
}

/** An image of a post as the review workspace and the case report show it. */
export interface PostImage {
  position: number;
  kind: PostMediaKind;
  state: PostMediaState;
  sourceUrl: string;
  description: string | null;
  /** Why it is not shown: refused (not an image, not from the platform's hosts) or failed to fetch. */
  error: string | null;
  fetchedAt: Date | null;
  object: MediaObjectFacts | null;
}

/** The campaign image closest to one of a post's kept images. */
export interface KnownImageCandidate {
  /** The post's image, counted among its kept images in order (as the classifier's media_index). */
  mediaIndex: number;
  candidateId: number;
  /** The campaign's post that showed it, and the file. */
  postUrl: string | null;
  knownSha256: string;
  /** Hamming distance of the two 64-bit perceptual hashes. */
  distance: number;
  /** The words read in the campaign's image. */
  knownText: string;
}

/** Farther than this, no campaign image is worth naming (unrelated images are 22+ bits apart). */
const MAX_KNOWN_IMAGE_DISTANCE = 16;

/** Bits in which two 64-bit perceptual hashes (16 hex digits each) differ. */
const hashDistance = (a: string, b: string) => sql<number>`bit_count(('x' || ${sql.ref(a)})::bit(64) # ('x' || ${sql.ref(b)})::bit(64))`;

/**
 * Posts' images: listed by ingest (ActivityRepository.storePosts), fetched and read by the media
 * worker, shown by review. An image file is one media_objects row however many posts show it.
 */
export class MediaRepository {
  constructor(private readonly db: Db) {}

  async awaiting(postId: string): Promise<PostAwaitingMedia | undefined> {
    const post = await this.db
      .selectFrom('posts')
      .leftJoin('social_accounts as account', 'account.id', 'posts.account_id')
      .select(['posts.id', 'posts.platform', 'posts.url', 'account.base_url', 'account.civil_servant_id', 'account.candidate_id'])
      .where('posts.id', '=', postId)
      .executeTakeFirst();
    // A reported post's images are kept by the report capture, never fetched from a platform.
    if (!post || !isPolledPlatform(post.platform)) return undefined;
    const pending = await this.db
      .selectFrom('post_media')
      .select(['position', 'kind', 'source_url', 'attempts'])
      .where('post_id', '=', postId)
      .where('state', '=', 'pending')
      .orderBy('position')
      .execute();
    return {
      postId: post.id,
      platform: post.platform,
      accountBaseUrl: post.base_url ?? null,
      postUrl: post.url,
      isSubject: post.civil_servant_id !== null && post.civil_servant_id !== undefined,
      isCampaign: post.candidate_id !== null && post.candidate_id !== undefined,
      pending: pending.map((row) => ({ position: row.position, kind: row.kind, sourceUrl: row.source_url, attempts: row.attempts })),
    };
  }

  /** The facts of an image file already read, so the same photo is never read twice. */
  async object(sha256: string): Promise<MediaObjectFacts | undefined> {
    const row = await this.db.selectFrom('media_objects').selectAll().where('sha256', '=', sha256).executeTakeFirst();
    return row && { sha256: row.sha256, format: row.format, bytes: row.bytes, width: row.width, height: row.height, phash: row.phash, ocrText: row.ocr_text };
  }

  /** Records the file (once) and the post's image as stored, together. */
  async recordStored(postId: string, position: number, facts: MediaObjectFacts): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await recordMediaObject(trx, facts);
      await trx
        .updateTable('post_media')
        .set({ state: 'stored', media_sha256: facts.sha256, error: null, fetched_at: sql`now()`, attempts: sql`attempts + 1` })
        .where('post_id', '=', postId)
        .where('position', '=', position)
        .execute();
    });
  }

  /**
   * An attempt that did not store the image: 'refused' for good (not an image we accept, not
   * from the platform's hosts), 'failed' after the last attempt, else still 'pending'.
   */
  async recordProblem(postId: string, position: number, state: 'refused' | 'failed' | 'pending', reason: string): Promise<void> {
    await this.db
      .updateTable('post_media')
      .set({ state, error: reason.slice(0, 500), attempts: sql`attempts + 1`, fetched_at: state === 'pending' ? null : sql`now()` })
      .where('post_id', '=', postId)
      .where('position', '=', position)
      .execute();
  }

  /** The images of these posts, in order, with their files' facts. */
  async ofPosts(postIds: readonly string[]): Promise<Map<string, PostImage[]>> {
    const byPost = new Map<string, PostImage[]>();
    if (postIds.length === 0) return byPost;
    const rows = await this.db
      .selectFrom('post_media as pm')
      .leftJoin('media_objects as m', 'm.sha256', 'pm.media_sha256')
      .select(['pm.post_id', 'pm.position', 'pm.kind', 'pm.state', 'pm.source_url', 'pm.description', 'pm.error', 'pm.fetched_at', 'm.sha256', 'm.format', 'm.bytes', 'm.width', 'm.height', 'm.phash', 'm.ocr_text'])
      .where('pm.post_id', 'in', [...new Set(postIds)])
      .orderBy('pm.post_id')
      .orderBy('pm.position')
      .execute();
    for (const row of rows) {
      const image: PostImage = {
        position: row.position,
        kind: row.kind,
        state: row.state,
        sourceUrl: row.source_url,
        description: row.description,
        error: row.error,
        fetchedAt: row.fetched_at,
        object:
          row.sha256 === null
            ? null
            : { sha256: row.sha256, format: row.format!, bytes: row.bytes!, width: row.width!, height: row.height!, phash: row.phash!, ocrText: row.ocr_text! },
      };
      const key = String(row.post_id);
      byPost.set(key, [...(byPost.get(key) ?? []), image]);
    }
    return byPost;
  }

  /**
   * For each kept image of these posts, the closest image a candidate's or party's official
   * account posted (the index of known campaign images), when one is near. The campaigns' images
   * are compared by hash in SQL, one pass per image: fine for tens of thousands of campaign
   * images; beyond that an index over hash bits would replace the scan.
   */
  async knownImageMatches(postIds: readonly string[]): Promise<Map<string, KnownImageCandidate[]>> {
    const byPost = new Map<string, KnownImageCandidate[]>();
    if (postIds.length === 0) return byPost;
    const rows = await sql<{ post_id: string; media_index: string; candidate_id: number; url: string | null; known_sha256: string; distance: number; known_text: string }>`
      WITH kept AS (
        SELECT pm.post_id, row_number() OVER (PARTITION BY pm.post_id ORDER BY pm.position) - 1 AS media_index, m.phash
        FROM post_media pm JOIN media_objects m ON m.sha256 = pm.media_sha256
        WHERE pm.post_id IN (${sql.join([...new Set(postIds)])}) AND pm.state = 'stored'
      )
      SELECT kept.post_id, kept.media_index, known.candidate_id, known.url, known.sha256 AS known_sha256, known.distance, known.ocr_text AS known_text
      FROM kept CROSS JOIN LATERAL (
        SELECT a.candidate_id, p.url, km.sha256, km.ocr_text,
               ${hashDistance('km.phash', 'kept.phash')}::int AS distance
        FROM post_media kpm
        JOIN media_objects km ON km.sha256 = kpm.media_sha256
        JOIN posts p ON p.id = kpm.post_id
        JOIN social_accounts a ON a.id = p.account_id AND a.candidate_id IS NOT NULL
        WHERE kpm.state = 'stored' AND kpm.post_id <> kept.post_id
        ORDER BY distance, kpm.post_id
        LIMIT 1
      ) known
      WHERE known.distance <= ${MAX_KNOWN_IMAGE_DISTANCE}`.execute(this.db);
    for (const row of rows.rows) {
      const key = String(row.post_id);
      const match = { mediaIndex: Number(row.media_index), candidateId: row.candidate_id, postUrl: row.url, knownSha256: row.known_sha256, distance: row.distance, knownText: row.known_text };
      byPost.set(key, [...(byPost.get(key) ?? []), match]);
    }
    return byPost;
  }

  /**
   * Civil servants' posts with a kept image near one of this post's (a campaign's images, just
   * read): classified before the campaign's copy was known, they are classified again.
   */
  async subjectsShowingImagesOf(postId: string): Promise<string[]> {
    const rows = await sql<{ post_id: string }>`
      SELECT DISTINCT pm.post_id FROM post_media pm
      JOIN media_objects m ON m.sha256 = pm.media_sha256
      JOIN posts p ON p.id = pm.post_id
      JOIN social_accounts a ON a.id = p.account_id AND a.civil_servant_id IS NOT NULL
      WHERE pm.state = 'stored' AND EXISTS (
        SELECT 1 FROM post_media own JOIN media_objects om ON om.sha256 = own.media_sha256
        WHERE own.post_id = ${postId} AND own.state = 'stored'
          AND ${hashDistance('om.phash', 'm.phash')} <= ${MAX_KNOWN_IMAGE_DISTANCE})
      ORDER BY pm.post_id`.execute(this.db);
    return rows.rows.map((row) => String(row.post_id));
  }

  /**
   * Work Redis may have lost, re-derived from Postgres: posts with images still pending after
   * the grace period (their read-media job is gone), and civil servants' posts whose images were
   * read after their last classification (the classify job that should have followed is gone).
   */
  async sweep(graceSeconds: number, limit = 1000): Promise<{ toRead: string[]; toClassify: string[] }> {
    const toRead = await sql<{ post_id: string }>`
      SELECT DISTINCT pm.post_id FROM post_media pm JOIN posts p ON p.id = pm.post_id
      WHERE pm.state = 'pending' AND p.fetched_at < now() - make_interval(secs => ${graceSeconds})
      ORDER BY pm.post_id LIMIT ${limit}`.execute(this.db);
    const toClassify = await sql<{ post_id: string }>`
      SELECT DISTINCT pm.post_id FROM post_media pm
      JOIN posts p ON p.id = pm.post_id
      JOIN social_accounts a ON a.id = p.account_id AND a.civil_servant_id IS NOT NULL
      WHERE pm.state = 'stored' AND pm.fetched_at > now() - interval '2 days'
        AND pm.fetched_at < now() - make_interval(secs => ${graceSeconds})
        AND NOT EXISTS (SELECT 1 FROM classifications c WHERE c.post_id = pm.post_id AND c.created_at >= pm.fetched_at)
      ORDER BY pm.post_id LIMIT ${limit}`.execute(this.db);
    return { toRead: toRead.rows.map((r) => String(r.post_id)), toClassify: toClassify.rows.map((r) => String(r.post_id)) };
  }
}
