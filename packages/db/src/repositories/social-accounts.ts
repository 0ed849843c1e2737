import { sql, type Transaction } from 'kysely';
import { isPolledPlatform, type AccountStatus, type Platform } from '@netra/core';
import type { Db } from '../connection.js';
import type { Database, PolledAccount, SocialAccount } from '../schema.js';

export interface DueAccount {
  id: number;
  /** Whose account: a civil servant's is polled for their own posts; a candidate's is watched. */
  owner: 'civil_servant' | 'candidate';
}

export type AccountEventKind = 'resolved' | 'renamed' | 'status';

/** Monitored accounts: who is due, what was last seen, and what became of the account. */
export class SocialAccountRepository {
  constructor(private readonly db: Db) {}

  async get(id: number): Promise<SocialAccount | undefined> {
    return this.db.selectFrom('social_accounts').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** The account if it is on a platform Netra polls; an account registered only to link reports is not. */
  async getPolled(id: number): Promise<PolledAccount | undefined> {
    const account = await this.get(id);
    return account && isPolledPlatform(account.platform) ? (account as PolledAccount) : undefined;
  }

  /**
   * Claims up to `limit` due accounts of one platform, most overdue first, and pushes each one's
   * next poll out by its own interval (or `defaultIntervalSeconds`) ±10% jitter, so load stays
   * even. One statement claims and reschedules; `enqueue` runs before the transaction commits:
   * if enqueueing fails, nothing is pushed out and the next round tries again. SKIP LOCKED lets
   * several schedulers share the table. Nothing but the claimed ids is ever in memory.
   */
  async claimDue(
    platform: Platform,
    limit: number,
    defaultIntervalSeconds: number,
    enqueue: (accounts: DueAccount[]) => Promise<void>,
  ): Promise<DueAccount[]> {
    return this.db.transaction().execute(async (trx) => {
      const { rows } = await sql<{ id: number; candidate_id: number | null }>`
        WITH due AS (
          SELECT id FROM social_accounts
          WHERE platform = ${platform} AND status = 'active' AND next_poll_at <= now()
          ORDER BY next_poll_at
          LIMIT ${limit}
          FOR UPDATE SKIP LOCKED
        )
        UPDATE social_accounts AS a
        SET next_poll_at = now() + make_interval(secs => coalesce(a.poll_interval_seconds, ${defaultIntervalSeconds}::int) * (0.9 + random() * 0.2)),
            poll_claimed_at = now()
        FROM due WHERE a.id = due.id
        RETURNING a.id, a.candidate_id
      `.execute(trx);
      if (rows.length === 0) return [];
      const accounts = rows.map((a): DueAccount => ({ id: a.id, owner: a.candidate_id === null ? 'civil_servant' : 'candidate' }));
      await enqueue(accounts);
      return accounts;
    });
  }

  /**
   * Makes due again every account handed to a poll job that has not been polled since: the
   * jobs were in Redis, and Redis lost them (restarted without persistence, or flushed).
   * A poll that did run meanwhile set last_polled_at after the claim, so it is left alone.
   */
  async releaseUnpolledClaims(): Promise<number> {
    const result = await sql`
      UPDATE social_accounts SET next_poll_at = now()
      WHERE status = 'active' AND next_poll_at > now() AND poll_claimed_at IS NOT NULL
        AND (last_polled_at IS NULL OR last_polled_at < poll_claimed_at)`.execute(this.db);
    return Number(result.numAffectedRows ?? 0n);
  }

  /**
   * Per platform, how long ago the least recently polled active civil servant's account was
   * polled successfully (or registered, if never): one index probe each.
   */
  async oldestPollAgeSeconds(platforms: readonly Platform[]): Promise<Map<Platform, number>> {
    const { rows } = await sql<{ platform: Platform; age: number | null }>`
      SELECT p.platform, (
        SELECT extract(epoch FROM now() - min(coalesce(a.last_polled_at, a.created_at)))::float8
        FROM social_accounts a
        WHERE a.platform = p.platform AND a.status = 'active' AND a.civil_servant_id IS NOT NULL
      ) AS age
      FROM unnest(${[...platforms]}::text[]) AS p(platform)`.execute(this.db);
    return new Map(rows.filter((r) => r.age !== null).map((r) => [r.platform, r.age!]));
  }

  /** The account's stable id, found from its handle: recorded once, with the history. */
  async setPlatformAccountId(id: number, platformAccountId: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx.updateTable('social_accounts').set({ platform_account_id: platformAccountId }).where('id', '=', id).execute();
      await this.appendEvent(trx, id, 'resolved', null, platformAccountId, null);
    });
  }

  /**
   * Records what the platform said about the account (suspended, not found, protected). Never
   * deletes it: a suspended account is itself a fact. The change goes in the history once.
   */
  async markStatus(id: number, status: AccountStatus, reason: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const before = await trx.selectFrom('social_accounts').select('status').where('id', '=', id).forUpdate().executeTakeFirst();
      if (!before) return;
      await trx
        .updateTable('social_accounts')
        .set({ status, last_error: reason, last_polled_at: sql`now()` })
        .where('id', '=', id)
        .execute();
      if (before.status !== status) await this.appendEvent(trx, id, 'status', before.status, status, reason);
    });
  }

  /**
   * The platform now shows the account (same stable id) under another handle: follow it. When
   * another registered account already holds that handle, keep ours and only record the sighting.
   */
  async recordHandle(id: number, seen: string): Promise<void> {
    const handle = normaliseHandle(seen);
    await this.db.transaction().execute(async (trx) => {
      const account = await trx.selectFrom('social_accounts').select(['platform', 'handle']).where('id', '=', id).forUpdate().executeTakeFirst();
      if (!account || account.handle === handle) return;
      const holder = await trx
        .selectFrom('social_accounts')
        .select('id')
        .where('platform', '=', account.platform)
        .where('handle', '=', handle)
        .executeTakeFirst();
      if (!holder) await trx.updateTable('social_accounts').set({ handle }).where('id', '=', id).execute();
      await this.appendEvent(trx, id, 'renamed', account.handle, handle, holder ? `handle already registered to account ${holder.id}` : null);
    });
  }

  /** Notes why the account's last job failed for good, where an operator looks first. */
  async recordFailure(id: number, reason: string): Promise<void> {
    await this.db.updateTable('social_accounts').set({ last_error: reason }).where('id', '=', id).execute();
  }

  async history(id: number) {
    return this.db.selectFrom('social_account_events').selectAll().where('account_id', '=', id).orderBy('id').execute();
  }

  private async appendEvent(
    trx: Transaction<Database>,
    accountId: number,
    kind: AccountEventKind,
    from: string | null,
    to: string,
    reason: string | null,
  ): Promise<void> {
    await trx.insertInto('social_account_events').values({ account_id: accountId, kind, from_value: from, to_value: to, reason }).execute();
  }

  /**
   * Registered accounts among the given platform ids or handles, optionally only civil servants'
   * or only candidates': the set lookup (two unique-index probes per actor, never a scan) that
   * turns "who liked this candidate's post" into "which of them are ASN".
   */
  async findRegistered(
    platform: Platform,
    actors: readonly { platformAccountId: string; handle: string }[],
    owner: 'civil_servant' | 'candidate' | 'any' = 'any',
  ): Promise<Pick<SocialAccount, 'id' | 'platform_account_id' | 'handle' | 'civil_servant_id' | 'candidate_id'>[]> {
    if (actors.length === 0) return [];
    const ids = [...new Set(actors.map((a) => a.platformAccountId))];
    const handles = [...new Set(actors.map((a) => normaliseHandle(a.handle)))];
    let query = this.db
      .selectFrom('social_accounts')
      .select(['id', 'platform_account_id', 'handle', 'civil_servant_id', 'candidate_id'])
      .where('platform', '=', platform)
      .where((eb) => eb.or([eb('platform_account_id', '=', eb.fn.any(eb.val(ids))), eb('handle', '=', eb.fn.any(eb.val(handles)))]));
    if (owner === 'civil_servant') query = query.where('civil_servant_id', 'is not', null);
    if (owner === 'candidate') query = query.where('candidate_id', 'is not', null);
    return query.execute();
  }
}

/** Handles are case-insensitive on every platform read; stored lowercased (a CHECK holds it). */
export function normaliseHandle(handle: string): string {
  return handle.normalize('NFKC').toLowerCase();
}
