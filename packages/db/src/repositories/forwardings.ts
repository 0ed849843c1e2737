import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Database, ForwardingChannel, ReviewEvent } from '../schema.js';
import { withdrawalNotice, type DeliveredCase } from './withdrawal-notice.js';

export function newIdempotencyKey(): string {
  return randomUUID();
}

export interface CaseToForward {
  itemId: string;
  agencyId: number;
  confirmEventId: string;
  /** The four-eyes approval, where the agency requires one (the database checks it). */
  approveEventId: string | null;
  report: unknown;
  reportHtml: string;
}

/**
 * The outbox as the review side sees it: queueing a decided case (in the decision's own
 * transaction), listing its deliveries, and asking for a failed one to be tried again. The
 * forwarder owns the delivery attempts themselves.
 */
export class ForwardingRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * One outbox row per channel the agency receives cases on. An agency with none still gets a
   * webhook row, which fails visibly ("no webhook configured") instead of vanishing.
   */
  async queueCase(c: CaseToForward) {
    const agency = await this.db
      .selectFrom('agencies')
      .select(['webhook_url', 'contact_email', 'email_cases'])
      .where('id', '=', c.agencyId)
      .executeTakeFirstOrThrow();
    const channels: ForwardingChannel[] = [];
    if (agency.webhook_url || !(agency.email_cases && agency.contact_email)) channels.push('webhook');
    if (agency.email_cases && agency.contact_email) channels.push('email');
    return this.db
      .insertInto('forwardings')
      .values(
        channels.map((channel) => ({
          review_item_id: c.itemId,
          confirm_event_id: c.confirmEventId,
          approve_event_id: c.approveEventId,
          agency_id: c.agencyId,
          channel,
          idempotency_key: newIdempotencyKey(),
          report: JSON.stringify(c.report),
          report_html: c.reportHtml,
        })),
      )
      .returning(['id', 'channel', 'idempotency_key', 'status'])
      .execute();
  }

  /**
   * The case is no longer confirmed (a reopen): whatever of it is still pending or failed is
   * cancelled, and each channel that already delivered it gets a withdrawal notice. Runs in the
   * transaction of the reopen event. A delivery in flight right now is cancelled too; the
   * forwarder, finding its row cancelled when the call returns, records the delivery and queues
   * the notice itself (queueWithdrawal).
   */
  async withdrawCase(itemId: string, reopen: ReviewEvent): Promise<{ cancelled: number; withdrawn: number }> {
    const cancelled = await this.db
      .updateTable('forwardings')
      .set({ status: 'cancelled', cancelled_by_event_id: reopen.id, last_error: null })
      .where('review_item_id', '=', itemId)
      .where('kind', '=', 'case')
      .where('status', 'in', ['pending', 'failed'])
      .executeTakeFirst();
    const delivered = await this.db
      .selectFrom('forwardings as f')
      .select(['f.id', 'f.review_item_id', 'f.idempotency_key', 'f.delivered_at'])
      .where('f.review_item_id', '=', itemId)
      .where('f.kind', '=', 'case')
      .where('f.delivered_at', 'is not', null)
      .where((eb) => eb.not(eb.exists(eb.selectFrom('forwardings as w').select('w.id').whereRef('w.withdraws_forwarding_id', '=', 'f.id'))))
      .execute();
    for (const row of delivered) await this.queueWithdrawal(row, reopen);
    return { cancelled: Number(cancelled.numUpdatedRows), withdrawn: delivered.length };
  }

  /** A signed notice, on the same channel, that the delivered case is withdrawn; once per case. */
  async queueWithdrawal(delivered: DeliveredCase, reopen: ReviewEvent | null): Promise<void> {
    const notice = withdrawalNotice(delivered, reopen);
    await sql`
      INSERT INTO forwardings (review_item_id, confirm_event_id, approve_event_id, agency_id, channel, kind,
                               withdraws_forwarding_id, cancelled_by_event_id, idempotency_key, report, report_html)
      SELECT review_item_id, confirm_event_id, approve_event_id, agency_id, channel, 'withdrawal',
             id, ${reopen?.id ?? null}, ${newIdempotencyKey()}, ${JSON.stringify(notice.report)}, ${notice.reportHtml}
      FROM forwardings WHERE id = ${delivered.id}
      ON CONFLICT DO NOTHING
    `.execute(this.db);
  }

  /** Deliveries of one item, newest confirm first, with how they went. */
  async forItem(itemId: string) {
    return this.db
      .selectFrom('forwardings as f')
      .select([
        'f.id',
        'f.channel',
        'f.kind',
        'f.status',
        'f.attempts',
        'f.last_error',
        'f.next_attempt_at',
        'f.delivered_at',
        'f.created_at',
      ])
      .where('f.review_item_id', '=', itemId)
      .orderBy('f.id', 'desc')
      .execute();
  }

  /** The report as it was sent, for the printable page. */
  async reportHtml(itemId: string): Promise<string | null> {
    const row = await this.db
      .selectFrom('forwardings')
      .select('report_html')
      .where('review_item_id', '=', itemId)
      .where('kind', '=', 'case')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row?.report_html ?? null;
  }

  /** The forwarding's item, so the caller can check the viewer may see it. */
  async itemOf(forwardingId: string): Promise<string | null> {
    const row = await this.db.selectFrom('forwardings').select('review_item_id').where('id', '=', forwardingId).executeTakeFirst();
    return row?.review_item_id ?? null;
  }

  /** Puts a failed delivery back in the outbox with a fresh set of attempts; false unless it had failed. */
  async retry(forwardingId: string): Promise<boolean> {
    const updated = await this.db
      .updateTable('forwardings')
      .set({ status: 'pending', attempts: 0, next_attempt_at: sql<Date>`now()` })
      .where('id', '=', forwardingId)
      .where('status', '=', 'failed')
      .executeTakeFirst();
    return updated.numUpdatedRows > 0n;
  }
}
