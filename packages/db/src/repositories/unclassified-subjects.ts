import { sql } from 'kysely';
import type { Db } from '../connection.js';

/**
 * A subject stored less than this long ago may still have its classify job on the way from
 * ingest; the sweep leaves it alone (classifying it twice would be harmless, but wasted).
 */
export const MIN_RECONCILE_GRACE_SECONDS = 60;

interface SweptKind {
  /** The watermark's name. */
  name: 'posts' | 'engagements';
  /** Subjects after the watermark, stored before the grace period, with no classification at all, oldest first. */
  unclassified(afterId: string, limit: number, graceSeconds: number): Promise<string[]>;
  /** The newest id old enough to be past the grace period: how far a clean sweep may advance. */
  newestSettledId(graceSeconds: number): Promise<string | null>;
}

/**
 * Finds civil servants' posts and engagements that were stored but never classified: the
 * classify job was lost (Redis flushed or restarted without persistence) or failed for good.
 * Postgres is the truth, so this is what a reconciler re-enqueues. A watermark per kind keeps
 * each sweep short: everything at or below it is known to be classified.
 */
export class UnclassifiedSubjectRepository {
  private readonly kinds: readonly SweptKind[];

  constructor(private readonly db: Db) {
    this.kinds = [
      {
        name: 'posts',
        unclassified: async (afterId, limit, graceSeconds) =>
          (
            await sql<{ id: string }>`
              SELECT p.id FROM posts p
              JOIN social_accounts a ON a.id = p.account_id AND a.civil_servant_id IS NOT NULL
              WHERE p.id > ${afterId} AND p.kind IN ('post', 'reply', 'quote')
                AND p.fetched_at < now() - make_interval(secs => ${graceSeconds})
                AND NOT EXISTS (SELECT 1 FROM classifications c WHERE c.post_id = p.id)
              ORDER BY p.id LIMIT ${limit}`.execute(db)
          ).rows.map((r) => String(r.id)),
        newestSettledId: (graceSeconds) => this.newestBefore('posts', 'fetched_at', graceSeconds),
      },
      {
        name: 'engagements',
        unclassified: async (afterId, limit, graceSeconds) =>
          (
            await sql<{ id: string }>`
              SELECT e.id FROM engagements e
              JOIN social_accounts a ON a.id = e.account_id AND a.civil_servant_id IS NOT NULL
              WHERE e.id > ${afterId} AND e.kind IN ('like', 'share')
                AND e.first_seen_at < now() - make_interval(secs => ${graceSeconds})
                AND NOT EXISTS (SELECT 1 FROM classifications c WHERE c.engagement_id = e.id)
              ORDER BY e.id LIMIT ${limit}`.execute(db)
          ).rows.map((r) => String(r.id)),
        newestSettledId: (graceSeconds) => this.newestBefore('engagements', 'first_seen_at', graceSeconds),
      },
    ];
  }

  /**
   * Up to `limit` never-classified subjects of each kind stored more than `graceSeconds` ago,
   * and the watermark moved up to just before the first of them (or, when there is none, to the
   * newest settled subject). The caller makes the grace cover its classify backlog: a subject
   * stored after the oldest job still waiting may simply not have had its turn. `noGrace` is for
   * the round right after Redis lost every job: nothing is on its way, so nothing need wait.
   */
  async sweep(options: { limit?: number; graceSeconds?: number; noGrace?: boolean } = {}): Promise<{ postIds: string[]; engagementIds: string[] }> {
    const limit = options.limit ?? 1_000;
    const grace = options.noGrace ? 0 : Math.max(MIN_RECONCILE_GRACE_SECONDS, Math.ceil(options.graceSeconds ?? 0));
    const [postIds, engagementIds] = await Promise.all(this.kinds.map((kind) => this.sweepKind(kind, limit, grace)));
    return { postIds: postIds!, engagementIds: engagementIds! };
  }

  private async sweepKind(kind: SweptKind, limit: number, graceSeconds: number): Promise<string[]> {
    const mark = await this.db.selectFrom('reconcile_watermarks').select('last_id').where('name', '=', kind.name).executeTakeFirst();
    const from = mark?.last_id ?? '0';
    const found = await kind.unclassified(from, limit, graceSeconds);
    const next = found.length > 0 ? String(BigInt(found[0]!) - 1n) : await kind.newestSettledId(graceSeconds);
    if (next !== null && BigInt(next) > BigInt(from)) {
      await this.db
        .insertInto('reconcile_watermarks')
        .values({ name: kind.name, last_id: next })
        .onConflict((oc) => oc.column('name').doUpdateSet({ last_id: next }))
        .execute();
    }
    return found;
  }

  private async newestBefore(table: 'posts' | 'engagements', column: 'fetched_at' | 'first_seen_at', graceSeconds: number): Promise<string | null> {
    const { rows } = await sql<{ id: string }>`
      SELECT id FROM ${sql.table(table)} WHERE ${sql.ref(column)} < now() - make_interval(secs => ${graceSeconds})
      ORDER BY id DESC LIMIT 1`.execute(this.db);
    return rows[0] ? String(rows[0].id) : null;
  }
}
