import { sql, type Transaction } from 'kysely';
import type { Platform } from '@netra/core';
import type { Db } from '../connection.js';
import type { Database, WatchedPost } from '../schema.js';

type Tx = Transaction<Database>;

export type WatchReason = 'engagement' | 'flagged';

export interface Coverage {
  likeCount: number | null;
  likersListed: number;
  shareCount: number | null;
  sharersListed: number;
  replyCount: number | null;
  repliersListed: number;
}

/**
 * Posts re-checked on a schedule: a candidate's, for who engages with it while it is young, and
 * a flagged civil servant's, for whether it is still there (a deleted partisan post is the
 * evidence that matters most).
 */
export class WatchedPostRepository {
  constructor(private readonly db: Db) {}

  /**
   * Starts watching posts; a post already watched keeps its schedule. The caller checks the new
   * ones at once: their next check is `leaseSeconds` away until that check sets the real time.
   * @returns the posts newly put under watch
   */
  async watch(trx: Tx, platform: Platform, postIds: readonly string[], reason: WatchReason, leaseSeconds: number): Promise<string[]> {
    if (postIds.length === 0) return [];
    const rows = await trx
      .insertInto('watched_posts')
      .values(
        [...new Set(postIds)].map((postId) => ({
          post_id: postId,
          platform,
          reason,
          next_check_at: sql<Date>`now() + make_interval(secs => ${leaseSeconds}::int)`,
          last_checked_at: null,
          like_count: null,
          likers_listed: null,
          share_count: null,
          sharers_listed: null,
          reply_count: null,
          repliers_listed: null,
        })),
      )
      .onConflict((oc) => oc.column('post_id').doNothing())
      .returning('post_id')
      .execute();
    return rows.map((row) => String(row.post_id));
  }

  async get(postId: string): Promise<WatchedPost | undefined> {
    return this.db.selectFrom('watched_posts').selectAll().where('post_id', '=', postId).executeTakeFirst();
  }

  /**
   * Puts flagged civil servants' posts not yet watched under watch, at most `limit` a call.
   * Set-based: the scheduler runs it every round.
   */
  async enrolFlagged(limit: number): Promise<number> {
    const { numAffectedRows } = await sql`
      INSERT INTO watched_posts (post_id, platform, reason, next_check_at)
      SELECT DISTINCT p.id, p.platform, 'flagged', now()
      FROM classifications c
      JOIN posts p ON p.id = c.post_id
      WHERE c.flagged AND p.deleted_at IS NULL
        AND NOT EXISTS (SELECT 1 FROM watched_posts w WHERE w.post_id = p.id)
      LIMIT ${limit}
      ON CONFLICT (post_id) DO NOTHING
    `.execute(this.db);
    return Number(numAffectedRows ?? 0);
  }

  /**
   * Claims due watched posts of one platform, pushing each out by `leaseSeconds` so a waiting
   * check is not claimed twice; the check itself then sets the real next time. `enqueue` runs
   * before commit, as for accounts.
   */
  async claimDue(platform: Platform, limit: number, leaseSeconds: number, enqueue: (postIds: string[]) => Promise<void>): Promise<string[]> {
    return this.db.transaction().execute(async (trx) => {
      const { rows } = await sql<{ post_id: string }>`
        WITH due AS (
          SELECT post_id FROM watched_posts
          WHERE platform = ${platform} AND next_check_at <= now()
          ORDER BY next_check_at
          LIMIT ${limit}
          FOR UPDATE SKIP LOCKED
        )
        UPDATE watched_posts AS w SET next_check_at = now() + make_interval(secs => ${leaseSeconds}::int)
        FROM due WHERE w.post_id = due.post_id
        RETURNING w.post_id
      `.execute(trx);
      const ids = rows.map((row) => String(row.post_id));
      if (ids.length > 0) await enqueue(ids);
      return ids;
    });
  }

  /** A check done: its coverage (when engagements were listed) and when to look again (null: never). */
  async recordCheck(trx: Tx, postId: string, nextCheckAt: Date | null, coverage: Coverage | null): Promise<void> {
    await trx
      .updateTable('watched_posts')
      .set({
        next_check_at: nextCheckAt,
        checks: sql`checks + 1`,
        last_checked_at: sql`now()`,
        ...(coverage
          ? {
              like_count: coverage.likeCount,
              likers_listed: coverage.likersListed,
              share_count: coverage.shareCount,
              sharers_listed: coverage.sharersListed,
              reply_count: coverage.replyCount,
              repliers_listed: coverage.repliersListed,
            }
          : {}),
      })
      .where('post_id', '=', postId)
      .execute();
  }
}
