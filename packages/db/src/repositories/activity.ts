import { sql, type Transaction } from 'kysely';
import { sha256Hex, type EngagementKind, type Platform, type PostKind } from '@netra/core';
import type { Db } from '../connection.js';
import type { Database } from '../schema.js';

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

  async storePost(trx: Tx, post: PostToStore): Promise<Stored> {
    const inserted = await trx
      .insertInto('posts')
      .values({
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
      })
      .onConflict((oc) => oc.columns(['platform', 'platform_post_id']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (inserted) return { id: inserted.id, created: true };
    if (post.accountId !== null) {
      // First stored before its author was registered: link it now, once (never re-point a link).
      await trx
        .updateTable('posts')
        .set({ account_id: post.accountId })
        .where('platform', '=', post.platform)
        .where('platform_post_id', '=', post.platformPostId)
        .where('account_id', 'is', null)
        .execute();
    }
    const existing = await trx
      .selectFrom('posts')
      .select('id')
      .where('platform', '=', post.platform)
      .where('platform_post_id', '=', post.platformPostId)
      .executeTakeFirstOrThrow();
    return { id: existing.id, created: false };
  }

  async storeEngagement(trx: Tx, engagement: EngagementToStore): Promise<Stored> {
    const inserted = await trx
      .insertInto('engagements')
      .values({
        kind: engagement.kind,
        account_id: engagement.accountId,
        target_post_id: engagement.targetPostId,
        evidence_post_id: engagement.evidencePostId,
        raw: JSON.stringify(engagement.raw),
      })
      .onConflict((oc) => oc.columns(['kind', 'account_id', 'target_post_id', 'evidence_post_id']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (inserted) return { id: inserted.id, created: true };
    const existing = await trx
      .selectFrom('engagements')
      .select('id')
      .where('kind', '=', engagement.kind)
      .where('account_id', '=', engagement.accountId)
      .where('target_post_id', '=', engagement.targetPostId)
      .where(sql<boolean>`evidence_post_id IS NOT DISTINCT FROM ${engagement.evidencePostId}`)
      .executeTakeFirstOrThrow();
    return { id: existing.id, created: false };
  }

  async advanceCursor(trx: Tx, accountId: number, cursor: string | null): Promise<void> {
    await trx
      .updateTable('social_accounts')
      .set({
        ...(cursor === null ? {} : { poll_cursor: cursor }),
        last_polled_at: sql`now()`,
        last_error: null,
      })
      .where('id', '=', accountId)
      .execute();
  }

  async findPost(platform: Platform, platformPostId: string) {
    return this.db
      .selectFrom('posts')
      .select(['id', 'account_id'])
      .where('platform', '=', platform)
      .where('platform_post_id', '=', platformPostId)
      .executeTakeFirst();
  }

  /**
   * Subjects captured for an account that have never been classified. Re-enqueueing these on
   * every poll makes ingest self-healing: a worker killed between commit and enqueue loses nothing.
   */
  async unclassifiedSubjects(accountId: number, limit = 500): Promise<{ postIds: string[]; engagementIds: string[] }> {
    const posts = await this.db
      .selectFrom('posts')
      .select('posts.id')
      .where('posts.account_id', '=', accountId)
      .where('posts.kind', 'in', ['post', 'reply'])
      .where((eb) => eb.not(eb.exists(eb.selectFrom('classifications').select('id').whereRef('classifications.post_id', '=', 'posts.id'))))
      .limit(limit)
      .execute();
    const engagements = await this.db
      .selectFrom('engagements')
      .select('engagements.id')
      .where('engagements.account_id', '=', accountId)
      .where('engagements.kind', 'in', ['like', 'share'])
      .where((eb) =>
        eb.not(eb.exists(eb.selectFrom('classifications').select('id').whereRef('classifications.engagement_id', '=', 'engagements.id'))),
      )
      .limit(limit)
      .execute();
    return { postIds: posts.map((p) => p.id), engagementIds: engagements.map((e) => e.id) };
  }

  /**
   * The same for engagements with a watched (candidate's) account's posts. A reply counts as
   * unclassified until it has been classified as a comment, i.e. with its parent as context.
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
