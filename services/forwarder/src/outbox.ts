import { sql, type Transaction } from 'kysely';
import { ForwardingRepository, type Database, type Db } from '@netra/db';
import type { DeliveryOutcome } from './deliver.js';

type Tx = Transaction<Database>;

/** The database clock: due-ness is judged by one clock, whichever host a forwarder runs on. */
export async function databaseNow(db: Db): Promise<Date> {
  const { now } = await db.selectNoFrom(sql<Date>`now()`.as('now')).executeTakeFirstOrThrow();
  return now;
}

/**
 * Locks the next pending forwarding due at `cutoff`, of an agency not in `busyAgencies` (those
 * this process is already delivering to, so one slow agency occupies one slot, not all). SKIP
 * LOCKED lets several forwarders share the outbox. It also reads, under that lock, whether the
 * case is still confirmed by the confirm it was queued for.
 */
function lockNextDue(trx: Tx, cutoff: Date, busyAgencies: readonly number[]) {
  let query = trx
    .selectFrom('forwardings as f')
    .innerJoin('agencies as a', 'a.id', 'f.agency_id')
    .innerJoin('review_items as ri', 'ri.id', 'f.review_item_id')
    .select([
      'f.id',
      'f.review_item_id',
      'f.kind',
      'f.channel',
      'f.idempotency_key',
      'f.report',
      'f.report_html',
      'f.attempts',
      'f.agency_id',
      'f.delivered_at',
      'a.code as agency_code',
      'a.webhook_url',
      'a.contact_email',
      sql<boolean>`ri.status = 'confirmed' AND NOT EXISTS (
        SELECT 1 FROM review_events later
        WHERE later.review_item_id = f.review_item_id
          AND later.seq > (SELECT c.seq FROM review_events c WHERE c.id = f.confirm_event_id)
          AND later.type IN ('reopened', 'confirmed', 'dismissed'))`.as('confirm_is_current'),
    ])
    .where('f.status', '=', 'pending')
    .where('f.next_attempt_at', '<=', cutoff)
    .orderBy('f.next_attempt_at')
    .orderBy('f.id')
    .limit(1)
    .forUpdate(['f'])
    .skipLocked();
  if (busyAgencies.length > 0) query = query.where('f.agency_id', 'not in', [...busyAgencies]);
  return query.executeTakeFirst();
}
export type DueForwarding = NonNullable<Awaited<ReturnType<typeof lockNextDue>>>;

export interface StartedAttempt {
  forwarding: DueForwarding;
  attemptId: string;
}

/**
 * Takes the next due forwarding and records the attempt as started, in one short transaction
 * that commits *before* the call: if the process dies during the call, the attempt is still on
 * record (without an outcome), and the row's lease runs out so another pass tries again with
 * the same idempotency key. A case no longer confirmed is cancelled here instead of sent —
 * normally the reopen already did that; this is the re-check under the row lock.
 */
export async function startNextAttempt(db: Db, cutoff: Date, busyAgencies: readonly number[], leaseMs: number): Promise<StartedAttempt | undefined> {
  return db.transaction().execute(async (trx) => {
    for (;;) {
      const forwarding = await lockNextDue(trx, cutoff, busyAgencies);
      if (!forwarding) return undefined;
      if (forwarding.kind === 'case' && !forwarding.confirm_is_current) {
        await trx.updateTable('forwardings').set({ status: 'cancelled', last_error: 'not sent: the case is no longer confirmed' }).where('id', '=', forwarding.id).execute();
        continue;
      }
      await trx
        .updateTable('forwarding_attempts')
        .set({ error: 'no outcome: the forwarder stopped during this attempt', finished_at: sql<Date>`now()` })
        .where('forwarding_id', '=', forwarding.id)
        .where('finished_at', 'is', null)
        .execute();
      const attempt = await trx
        .insertInto('forwarding_attempts')
        .values({ forwarding_id: forwarding.id, http_status: null, error: null, duration_ms: null })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .updateTable('forwardings')
        .set({ attempts: forwarding.attempts + 1, next_attempt_at: sql<Date>`clock_timestamp() + ${leaseMs} * interval '1 millisecond'` })
        .where('id', '=', forwarding.id)
        .execute();
      return { forwarding, attemptId: attempt.id };
    }
  });
}

/** What happens to the row after this attempt. */
export type NextStep = { status: 'delivered' } | { status: 'failed' } | { status: 'pending'; retryInMs: number };

/**
 * Records the attempt's outcome and moves the forwarding on. If a reopen cancelled the row
 * while the call was in flight and the call did deliver, the delivery is recorded as what it
 * is, and the agency gets a withdrawal notice. Returns the row's status afterwards.
 */
export async function finishAttempt(db: Db, started: StartedAttempt, outcome: DeliveryOutcome, next: NextStep): Promise<NextStep['status'] | 'cancelled'> {
  const { forwarding, attemptId } = started;
  return db.transaction().execute(async (trx) => {
    await trx
      .updateTable('forwarding_attempts')
      .set({ http_status: outcome.httpStatus, error: outcome.error, duration_ms: outcome.durationMs, finished_at: sql<Date>`clock_timestamp()` })
      .where('id', '=', attemptId)
      .execute();
    const row = await trx.selectFrom('forwardings').select(['status', 'kind']).where('id', '=', forwarding.id).forUpdate().executeTakeFirstOrThrow();
    const delivered = { delivered_at: sql<Date>`clock_timestamp()`, last_error: null };
    if (row.status === 'cancelled') {
      if (!outcome.delivered) return 'cancelled';
      const { delivered_at } = await trx
        .updateTable('forwardings')
        .set({ status: 'delivered', ...delivered })
        .where('id', '=', forwarding.id)
        .returning('delivered_at')
        .executeTakeFirstOrThrow();
      if (row.kind === 'case') await new ForwardingRepository(trx).queueWithdrawal({ ...forwarding, delivered_at }, null);
      return 'delivered';
    }
    await trx
      .updateTable('forwardings')
      .set({
        status: next.status,
        last_error: outcome.error,
        ...(next.status === 'delivered' ? delivered : {}),
        // clock_timestamp(), not now(): after the delivery, so the retry is never due in this same pass.
        ...(next.status === 'pending' ? { next_attempt_at: sql<Date>`clock_timestamp() + ${next.retryInMs} * interval '1 millisecond'` } : {}),
      })
      .where('id', '=', forwarding.id)
      .execute();
    return next.status;
  });
}
