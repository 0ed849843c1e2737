import { sql } from 'kysely';
import type { Db } from '@netra/db';

/** The demo's one-line report, counted from Postgres (the source of truth), not from memory. */
export async function demoSummary(db: Db) {
  const row = await db
    .selectNoFrom([
      sql<number>`(SELECT count(*) FROM social_accounts WHERE civil_servant_id IS NOT NULL)::int`.as('accounts'),
      sql<number>`(SELECT count(*) FROM posts)::int`.as('posts'),
      sql<number>`(SELECT count(*) FROM engagements)::int`.as('engagements'),
      sql<number>`(SELECT count(*) FROM post_media WHERE state = 'stored')::int`.as('media'),
      sql<number>`(SELECT count(*) FROM reports)::int`.as('reports'),
      sql<number>`(SELECT count(*) FROM review_items)::int`.as('flagged'),
      sql<number>`(SELECT count(*) FROM review_items WHERE status IN ('open', 'claimed', 'escalated'))::int`.as('review_open'),
      sql<number>`(SELECT count(*) FROM forwardings WHERE status = 'delivered')::int`.as('forwarded'),
    ])
    .executeTakeFirstOrThrow();
  return row;
}
