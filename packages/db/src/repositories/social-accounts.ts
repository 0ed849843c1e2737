import { sql } from 'kysely';
import type { AccountStatus, Platform } from '@netra/core';
import type { Db } from '../connection.js';
import type { SocialAccount } from '../schema.js';

export interface DueAccount {
  id: number;
  /** Whose account: a civil servant's is polled for their own posts; a candidate's is watched. */
  owner: 'civil_servant' | 'candidate';
}

/** Monitored accounts: who is due, what was last seen, and what became of the account. */
export class SocialAccountRepository {
  constructor(private readonly db: Db) {}

  async get(id: number): Promise<SocialAccount | undefined> {
    return this.db.selectFrom('social_accounts').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /**
   * Claims up to `limit` due accounts and pushes their next poll out by about `intervalSeconds`
   * (±10% jitter so load stays even), calling `enqueue` before the transaction commits: if
   * enqueueing fails, nothing is pushed out and the next round tries again. SKIP LOCKED lets
   * several schedulers share the table.
   */
  async claimDue(
    limit: number,
    intervalSeconds: number,
    enqueue: (accounts: DueAccount[]) => Promise<void>,
  ): Promise<DueAccount[]> {
    return this.db.transaction().execute(async (trx) => {
      const due = await trx
        .selectFrom('social_accounts')
        .select(['id', 'candidate_id'])
        .where('status', '=', 'active')
        .where('next_poll_at', '<=', sql<Date>`now()`)
        .orderBy('next_poll_at')
        .limit(limit)
        .forUpdate()
        .skipLocked()
        .execute();
      if (due.length === 0) return [];
      await trx
        .updateTable('social_accounts')
        .set({ next_poll_at: sql`now() + make_interval(secs => ${intervalSeconds}::float8 * (0.9 + random() * 0.2))` })
        .where(
          'id',
          'in',
          due.map((a) => a.id),
        )
        .execute();
      const accounts = due.map((a): DueAccount => ({ id: a.id, owner: a.candidate_id === null ? 'civil_servant' : 'candidate' }));
      await enqueue(accounts);
      return accounts;
    });
  }

  async setPlatformAccountId(id: number, platformAccountId: string): Promise<void> {
    await this.db.updateTable('social_accounts').set({ platform_account_id: platformAccountId }).where('id', '=', id).execute();
  }

  /** Records what the platform said about the account (suspended, not found, ...). Never deletes it. */
  async markStatus(id: number, status: AccountStatus, reason: string): Promise<void> {
    await this.db
      .updateTable('social_accounts')
      .set({ status, last_error: reason, last_polled_at: sql`now()` })
      .where('id', '=', id)
      .execute();
  }

  /**
   * Registered accounts among the given platform ids or handles, optionally only civil servants'
   * or only candidates': the set lookup that turns "who liked this candidate's post" into
   * "which of them are ASN".
   */
  async findRegistered(
    platform: Platform,
    actors: readonly { platformAccountId: string; handle: string }[],
    owner: 'civil_servant' | 'candidate' | 'any' = 'any',
  ): Promise<Pick<SocialAccount, 'id' | 'platform_account_id' | 'handle' | 'civil_servant_id' | 'candidate_id'>[]> {
    if (actors.length === 0) return [];
    const ids = actors.map((a) => a.platformAccountId);
    const handles = actors.map((a) => a.handle);
    let query = this.db
      .selectFrom('social_accounts')
      .select(['id', 'platform_account_id', 'handle', 'civil_servant_id', 'candidate_id'])
      .where('platform', '=', platform)
      .where((eb) => eb.or([eb('platform_account_id', 'in', ids), eb('handle', 'in', handles)]));
    if (owner === 'civil_servant') query = query.where('civil_servant_id', 'is not', null);
    if (owner === 'candidate') query = query.where('candidate_id', 'is not', null);
    return query.execute();
  }
}
