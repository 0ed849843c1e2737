import { sql } from 'kysely';
import { ActivityRepository, type Db } from '@netra/db';
import { secondsSince } from './bench-database.js';

/**
 * Posts stored per second through the same repository and transaction shape ingest uses:
 * one transaction per fetched page of 40 posts, several pages in flight as ingest runs them.
 */
export async function benchStorePosts(db: Db, texts: string[], total: number) {
  await db.insertInto('regions').values({ code: 'b', name: 'Bench', parent_code: null }).execute();
  const agency = await db.insertInto('agencies').values({ code: 'B', name: 'Bench', region_code: 'b', webhook_url: null, contact_email: null }).returning('id').executeTakeFirstOrThrow();
  const servant = await db.insertInto('civil_servants').values({ nip: '199001012015011001', full_name: 'Bench', agency_id: agency.id, region_code: 'b', position: null, spouse_candidate_id: null }).returning('id').executeTakeFirstOrThrow();
  const account = await db.insertInto('social_accounts').values({ platform: 'mastodon', handle: 'bench', platform_account_id: '1', civil_servant_id: servant.id, candidate_id: null, poll_cursor: null, last_polled_at: null, last_error: null }).returning('id').executeTakeFirstOrThrow();
  const activity = new ActivityRepository(db);
  const pageSize = 40;
  const inFlight = 8;
  const pages = Math.ceil(total / pageSize);
  const storePage = (page: number) =>
    activity.transaction(async (trx) => {
      for (let i = page * pageSize; i < Math.min(total, (page + 1) * pageSize); i++) {
        const text = texts[i % texts.length]!;
        await activity.storePost(trx, {
          platform: 'mastodon',
          platformPostId: String(100_000_000_000_000_000n + BigInt(i)),
          accountId: account.id,
          authorHandle: 'bench',
          kind: 'post',
          text,
          url: null,
          inReplyToPlatformId: null,
          postedAt: new Date(),
          raw: { id: i, content: `<p>${text}</p>` },
        });
      }
      await activity.advanceCursor(trx, account.id, String(page));
    });
  const start = performance.now();
  for (let next = 0; next < pages; next += inFlight) {
    await Promise.all(Array.from({ length: Math.min(inFlight, pages - next) }, (_, k) => storePage(next + k)));
  }
  const seconds = secondsSince(start);
  const stored = await db.selectFrom('posts').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
  return { posts: stored.n, seconds: round(seconds), posts_per_second: Math.round(stored.n / seconds) };
}

export const round = (n: number, digits = 3) => Math.round(n * 10 ** digits) / 10 ** digits;
