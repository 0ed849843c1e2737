import { sql, type Transaction } from 'kysely';
import type { Database, Db } from '@netra/db';
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
 * LOCKED lets several forwarders share the outbox: a row another one is delivering is passed
 * over, never delivered twice at once. The lock lasts for the caller's transaction, i.e. for
 * the delivery and its bookkeeping.
 */
export function lockNextDue(trx: Tx, cutoff: Date, busyAgencies: readonly number[] = []) {
  let query = trx
    .selectFrom('forwardings as f')
    .innerJoin('agencies as a', 'a.id', 'f.agency_id')
    .select([
      'f.id',
      'f.review_item_id',
      'f.channel',
      'f.idempotency_key',
      'f.report',
      'f.report_html',
      'f.attempts',
      'f.agency_id',
      'a.code as agency_code',
      'a.webhook_url',
      'a.contact_email',
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

/** What happens to the row after this attempt. */
export type NextStep = { status: 'delivered' } | { status: 'failed' } | { status: 'pending'; retryInMs: number };

/** Records the attempt and moves the forwarding on, in the transaction that holds its lock. */
export async function recordAttempt(trx: Tx, forwarding: DueForwarding, outcome: DeliveryOutcome, next: NextStep): Promise<void> {
  await trx
    .insertInto('forwarding_attempts')
    .values({ forwarding_id: forwarding.id, http_status: outcome.httpStatus, error: outcome.error, duration_ms: outcome.durationMs })
    .execute();
  await trx
    .updateTable('forwardings')
    .set({
      status: next.status,
      attempts: forwarding.attempts + 1,
      last_error: outcome.error,
      ...(next.status === 'delivered' ? { delivered_at: sql<Date>`clock_timestamp()` } : {}),
      // clock_timestamp(), not now(): after the delivery, so the retry is never due in this same pass.
      ...(next.status === 'pending' ? { next_attempt_at: sql<Date>`clock_timestamp() + ${next.retryInMs} * interval '1 millisecond'` } : {}),
    })
    .where('id', '=', forwarding.id)
    .execute();
}
