import type { Transaction } from 'kysely';
import type { Platform, RawPage } from '@netra/core';
import type { Database } from '../schema.js';

/**
 * Raw platform answers: stored in the transaction that stores what was read from them and moves
 * the cursor, so no cursor ever points past an answer we cannot show.
 */
export class RawPageRepository {
  async store(trx: Transaction<Database>, platform: Platform, accountId: number | null, pages: readonly RawPage[]): Promise<string[]> {
    if (pages.length === 0) return [];
    const rows = await trx
      .insertInto('raw_pages')
      .values(
        pages.map((page) => ({
          platform,
          account_id: accountId,
          request_url: page.url,
          http_status: page.status,
          rate_headers: JSON.stringify(page.rateHeaders),
          body: page.body,
          body_sha256: page.sha256,
          retrieved_at: page.retrievedAt,
        })),
      )
      .returning('id')
      .execute();
    return rows.map((row) => row.id);
  }
}
