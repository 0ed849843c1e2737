import { sql, type Transaction } from 'kysely';
import { sha256Hex, type EngagementKind, type Platform, type PostKind } from '@netra/core';
import type { Db } from '../connection.js';
import type { Database, PostMediaKind } from '../schema.js';
import { currentPostSha256 } from './post-versions.js';

type Tx = Transaction<Database>;

export interface PostToStore {
  platform: Platform;
  platformPostId: string;
  accountId: number | null;
  authorHandle: string;
  kind: PostKind;
  text: string;
  url: string | null;
  inReplyToPlatformId: string | null;
  postedAt: Date;
  /** When the platform says it was last edited, if it says. */
  editedAt?: Date | null;
  /** The post's images as the platform names them, in order; fetched later by the media worker. */
  media?: readonly { kind: PostMediaKind; url: string; description: string | null }[];
  /** Likes + shares + replies as the platform counts them now; null or absent when it gave none. */
  reach?: number | null;
  raw: unknown;
}

export interface EngagementToStore {
  kind: EngagementKind;
  accountId: number;
  targetPostId: string;
  evidencePostId: string | null;
  raw: unknown;
}

export interface Stored {
  id: string;
  created: boolean;
}

export interface StoredPost extends Stored {
  /** Seen before with another text: the new text was kept as a version. */
  edited: boolean;
  /** Images not listed before were listed: they wait for the media worker. */
  newMedia: boolean;
}

/**
 * Posts and engagements: what was captured from the platforms. Storing is idempotent on the
 * natural keys, so a retried or repeated job adds nothing the second time.
 */
export class ActivityRepository {
  constructor(private readonly db: Db) {}

  /** Runs `work` in one transaction: a job's posts, engagements and cursor land together or not at all. */
  transaction<T>(work: (trx: Tx) => Promise<T>): Promise<T> {
    return this.db.transaction().execute(work);
  }

  async storePost(trx: Tx, post: PostToStore): Promise<StoredPost> {
    const [stored] = await this.storePosts(trx, [post]);
    return stored!;
  }

  /**
   * Stores a page of posts in one INSERT; only posts already stored cost another look, to link
   * an author registered since, and to keep a changed text as a new version (posts.text, the
   * first captured text, is never overwritten).
   */
  async storePosts(trx: Tx, posts: readonly PostToStore[]): Promise<StoredPost[]> {
    if (posts.length === 0) return [];
    const unique = [...new Map(posts.map((post) => [`${post.platform}\n${post.platformPostId}`, post])).values()];
    const inserted = await trx
      .insertInto('posts')
      .values(
        unique.map((post) => ({
          platform: post.platform,
          platform_post_id: post.platformPostId,
          account_id: post.accountId,
          author_handle: post.authorHandle,
          kind: post.kind,
          text: post.text,
          url: post.url,
          in_reply_to_platform_id: post.inReplyToPlatformId,
          posted_at: post.postedAt,
          raw: JSON.stringify(post.raw),
          content_sha256: sha256Hex(post.text),
          deleted_at: null,
          reach: post.reach ?? null,
        })),
      )
      .onConflict((oc) => oc.columns(['platform', 'platform_post_id']).doNothing())
      .returning(['id', 'platform', 'platform_post_id'])
      .execute();
    const insertedIds = new Map(inserted.map((row) => [`${row.platform}\n${row.platform_post_id}`, row.id]));
    const results = new Map<string, StoredPost>();
    for (const post of unique) {
      const key = `${post.platform}\n${post.platformPostId}`;
      const id = insertedIds.get(key);
      results.set(key, id !== undefined ? { id, created: true, edited: false, newMedia: false } : await this.revisit(trx, post));
    }
    await this.listMedia(trx, unique.map((post) => ({ post, stored: results.get(`${post.platform}\n${post.platformPostId}`)! })));
    return posts.map((post) => results.get(`${post.platform}\n${post.platformPostId}`)!);
  }

  /**
   * Lists each post's images once, by position (a post seen again adds only images it did not
   * show before), and marks the posts that gained some.
   */
  private async listMedia(trx: Tx, posts: readonly { post: PostToStore; stored: StoredPost }[]): Promise<void> {
    const rows = posts.flatMap(({ post, stored }) =>
      (post.media ?? []).map((media, position) => ({ post_id: stored.id, position, kind: media.kind, source_url: media.url, description: media.description })),
    );
    if (rows.length === 0) return;
    const listed = await trx.insertInto('post_media').values(rows).onConflict((oc) => oc.columns(['post_id', 'position']).doNothing()).returning('post_id').execute();
    const gained = new Set(listed.map((row) => String(row.post_id)));
    for (const { stored } of posts) if (gained.has(stored.id)) stored.newMedia = true;
  }

  /**
   * A post seen before: link its author if newly registered, keep its reach current, and record
   * a new version if its text changed. The row is written only when something did change.
   */
  private async revisit(trx: Tx, post: PostToStore): Promise<StoredPost> {
    const accountId = post.accountId;
    const reach = post.reach ?? null;
    if (accountId !== null || reach !== null) {
      await trx
        .updateTable('posts')
        // First stored before its author was registered: link it now, once (never re-point a link).
        .set((eb) => ({ account_id: eb.fn.coalesce('account_id', sql<number | null>`${accountId}::integer`), reach: eb.fn.coalesce(sql<number | null>`${reach}::integer`, eb.ref('reach')) }))
        .where('platform', '=', post.platform)
        .where('platform_post_id', '=', post.platformPostId)
        .where((eb) =>
          eb.or([
            eb.and([eb('account_id', 'is', null), sql<boolean>`${accountId}::integer IS NOT NULL`]),
            sql<boolean>`reach IS DISTINCT FROM coalesce(${reach}::integer, reach)`,
          ]),
        )
        .execute();
    }
    const existing = await trx
      .selectFrom('posts')
      .select(['posts.id', currentPostSha256('posts').as('current_sha256')])
      .where('platform', '=', post.platform)
      .where('platform_post_id', '=', post.platformPostId)
      .executeTakeFirstOrThrow();
    const sha256 = sha256Hex(post.text);
    if (existing.current_sha256 === sha256) return { id: existing.id, created: false, edited: false, newMedia: false };
    await trx
      .insertInto('post_versions')
      .values({ post_id: existing.id, text: post.text, content_sha256: sha256, raw: JSON.stringify(post.raw), edited_at: post.editedAt ?? null })
      .onConflict((oc) => oc.columns(['post_id', 'content_sha256']).doUpdateSet({ last_seen_at: sql`now()` }))
      .execute();
    return { id: existing.id, created: false, edited: true, newMedia: false };
  }

  /**
   * Records an engagement once; seeing it again only moves its last_seen_at (likes have no time
   * on most platforms: first and last seen are what we know).
   */
  async storeEngagement(trx: Tx, engagement: EngagementToStore): Promise<Stored> {
    const row = await trx
      .insertInto('engagements')
      .values({
        kind: engagement.kind,
        account_id: engagement.accountId,
        target_post_id: engagement.targetPostId,
        evidence_post_id: engagement.evidencePostId,
        raw: JSON.stringify(engagement.raw),
      })
      .onConflict((oc) => oc.columns(['kind', 'account_id', 'target_post_id', 'evidence_post_id']).doUpdateSet({ last_seen_at: sql`now()` }))
      // xmax is 0 only for a row this statement inserted.
      .returning(['id', sql<boolean>`(xmax = 0)`.as('created')])
      .executeTakeFirstOrThrow();
    return { id: row.id, created: row.created };
  }

  /** A tombstone: the post is gone on the platform; the row, its versions and `page` (the proof) stay. */
  async markDeleted(trx: Tx, postId: string, deletionPageId: string | null): Promise<void> {
    await trx
      .updateTable('posts')
      .set({ deleted_at: sql`now()`, deletion_page_id: deletionPageId })
      .where('id', '=', postId)
      .where('deleted_at', 'is', null)
      .execute();
  }

  /** Whether anything of the account's has been flagged: such accounts are polled more often. */
  async hasFlaggedActivity(accountId: number): Promise<boolean> {
    const row = await this.db
      .selectFrom('posts')
      .innerJoin('classifications', 'classifications.post_id', 'posts.id')
      .select('posts.id')
      .where('posts.account_id', '=', accountId)
      .where('classifications.flagged', '=', true)
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  }

  /** Moves the account's cursor (null: leave it) and, when given, its adaptive poll interval. */
  async advanceCursor(trx: Tx, accountId: number, cursor: string | null, pollIntervalSeconds?: number): Promise<void> {
    await trx
      .updateTable('social_accounts')
      .set({
        ...(cursor === null ? {} : { poll_cursor: cursor }),
        ...(pollIntervalSeconds === undefined ? {} : { poll_interval_seconds: Math.round(pollIntervalSeconds) }),
        last_polled_at: sql`now()`,
        last_error: null,
      })
      .where('id', '=', accountId)
      .execute();
  }

  async getPost(postId: string) {
    return this.db
      .selectFrom('posts')
      .select(['id', 'platform', 'platform_post_id', 'account_id', 'posted_at', 'deleted_at'])
      .where('id', '=', postId)
      .executeTakeFirst();
  }

  /**
   * Stored posts among these platform ids, in one query: platform id → row. Inside a
   * transaction, pass it: a second pooled connection while one is held can starve the pool.
   */
  async findPosts(platform: Platform, platformPostIds: readonly string[], trx?: Tx): Promise<Map<string, { id: string; account_id: number | null }>> {
    if (platformPostIds.length === 0) return new Map();
    const rows = await (trx ?? this.db)
      .selectFrom('posts')
      .select(['id', 'account_id', 'platform_post_id'])
      .where('platform', '=', platform)
      .where('platform_post_id', 'in', [...new Set(platformPostIds)])
      .execute();
    return new Map(rows.map((row) => [row.platform_post_id, { id: row.id, account_id: row.account_id }]));
  }

  /**
   * Civil servants' engagements with a watched (candidate's) account's posts that were never
   * classified. A reply counts as unclassified until it has been classified as a comment, i.e.
   * with its parent as context.
   */
  async unclassifiedEngagementsWith(accountId: number, limit = 500): Promise<{ postIds: string[]; engagementIds: string[] }> {
    const rows = await this.db
      .selectFrom('engagements')
      .innerJoin('posts as target', 'target.id', 'engagements.target_post_id')
      .select(['engagements.id', 'engagements.kind', 'engagements.evidence_post_id'])
      .where('target.account_id', '=', accountId)
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('classifications')
              .select('classifications.id')
              .where((c) =>
                c.or([
                  c('classifications.engagement_id', '=', c.ref('engagements.id')),
                  c.and([
                    c('classifications.post_id', '=', c.ref('engagements.evidence_post_id')),
                    c(sql`classifications.evidence->>'input_kind'`, '=', 'comment'),
                  ]),
                ]),
              ),
          ),
        ),
      )
      .limit(limit)
      .execute();
    return {
      postIds: rows.filter((r) => r.kind === 'comment' && r.evidence_post_id !== null).map((r) => r.evidence_post_id as string),
      engagementIds: rows.filter((r) => r.kind !== 'comment').map((r) => r.id),
    };
  }
}
