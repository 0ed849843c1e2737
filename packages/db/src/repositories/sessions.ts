import { sql } from 'kysely';
import type { Db } from '../connection.js';

/**
 * Sessions by the SHA-256 of their token (the token itself lives only in the browser's cookie,
 * so a leaked table cannot be replayed).
 */
export class SessionRepository {
  constructor(private readonly db: Db) {}

  async open(tokenSha256: string, userId: number, expiresAt: Date): Promise<void> {
    await this.db.insertInto('sessions').values({ token_sha256: tokenSha256, user_id: userId, expires_at: expiresAt }).execute();
  }

  /**
   * The user of a live session of an enabled user, or undefined: not expired, and not idle longer
   * than `idleSeconds`. `activity` moves its last-seen time; a background request does not.
   */
  async findLive(tokenSha256: string, activity: boolean, idleSeconds: number) {
    return this.db
      .updateTable('sessions as s')
      .from('users as u')
      // One statement either way: a heartbeat rewrites the old time, which also keeps this cheap.
      .set({ last_seen_at: activity ? sql<Date>`now()` : sql<Date>`s.last_seen_at` })
      .whereRef('u.id', '=', 's.user_id')
      .where('s.token_sha256', '=', tokenSha256)
      .where('s.expires_at', '>', sql<Date>`now()`)
      .where('s.last_seen_at', '>', sql<Date>`now() - ${idleSeconds} * interval '1 second'`)
      .where('u.disabled_at', 'is', null)
      .returning(['u.id', 'u.email', 'u.display_name', 'u.role', 'u.agency_id'])
      .returning(sql<boolean>`EXISTS (SELECT 1 FROM user_totp t WHERE t.user_id = u.id AND t.confirmed_at IS NOT NULL)`.as('enrolled'))
      .executeTakeFirst();
  }

  async close(tokenSha256: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('token_sha256', '=', tokenSha256).execute();
  }
}
