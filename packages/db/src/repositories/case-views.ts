import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.js';

/**
 * The read audit: every opening of a civil servant's case by a person is recorded (append-only),
 * and the same rows tell a reviewer who else has the case open. Read directly with SQL for an
 * audit: `SELECT * FROM case_views WHERE review_item_id = …`.
 */
export class CaseViewRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async record(itemId: string, userId: number): Promise<void> {
    await this.db.insertInto('case_views').values({ review_item_id: itemId, user_id: userId }).execute();
  }

  /** Others who opened the item within the last `seconds` (a "who else is viewing" hint). */
  async recentViewers(itemId: string, exceptUserId: number, seconds: number) {
    return this.db
      .selectFrom('case_views as v')
      .innerJoin('users as u', 'u.id', 'v.user_id')
      .select(['u.id', 'u.display_name', sql<Date>`max(v.viewed_at)`.as('last_viewed_at')])
      .where('v.review_item_id', '=', itemId)
      .where('v.user_id', '<>', exceptUserId)
      .where('v.viewed_at', '>', sql<Date>`now() - ${seconds} * interval '1 second'`)
      .groupBy(['u.id', 'u.display_name'])
      .orderBy('last_viewed_at', 'desc')
      .execute();
  }
}
