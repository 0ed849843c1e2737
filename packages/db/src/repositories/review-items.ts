import { randomUUID } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import { applyReviewEvent, canonicalJson, foldReviewEvents, sha256Hex, type ReviewEventType, type ReviewState } from '@netra/core';
import type { Db } from '../connection.js';
import type { Database, ReviewEvent } from '../schema.js';

type Tx = Transaction<Database>;

export interface AppendEventInput {
  itemId: string;
  type: ReviewEventType;
  actorUserId: number | null;
  payload?: Record<string, unknown>;
  leaseSeconds?: number;
}

export interface OpenItemInput {
  subject: { postId: string } | { engagementId: string };
  civilServantId: number;
  agencyId: number;
  classificationId: string;
  priority: number;
}

/**
 * The review aggregate: items and their append-only event log. This is the only code that
 * writes review_events or the status columns of review_items, so the projection always equals
 * the fold of the log.
 */
export class ReviewItemRepository {
  constructor(private readonly db: Db) {}

  /**
   * Opens the review item for a flagged subject, or, if it exists, points it at the newer
   * classification. Safe to repeat: one item per subject, one 'opened' event per item.
   */
  async openOrUpdate(input: OpenItemInput): Promise<{ itemId: string; created: boolean }> {
    return this.db.transaction().execute(async (trx) => {
      const subject =
        'postId' in input.subject
          ? { post_id: input.subject.postId, engagement_id: null }
          : { post_id: null, engagement_id: input.subject.engagementId };
      const inserted = await trx
        .insertInto('review_items')
        .values({
          ...subject,
          civil_servant_id: input.civilServantId,
          agency_id: input.agencyId,
          classification_id: input.classificationId,
          priority: input.priority,
          claimed_by: null,
          claim_expires_at: null,
        })
        .onConflict((oc) => oc.column('postId' in input.subject ? 'post_id' : 'engagement_id').doNothing())
        .returning('id')
        .executeTakeFirst();
      if (inserted) {
        await appendInTransaction(trx, { itemId: inserted.id, type: 'opened', actorUserId: null, payload: { classification_id: input.classificationId } });
        return { itemId: inserted.id, created: true };
      }
      const existing = await trx
        .updateTable('review_items')
        .set({ classification_id: input.classificationId, priority: input.priority, updated_at: sql`now()` })
        .where('postId' in input.subject ? 'post_id' : 'engagement_id', '=', Object.values(input.subject)[0] as string)
        .returning('id')
        .executeTakeFirstOrThrow();
      return { itemId: existing.id, created: false };
    });
  }

  /** Appends one event in its own transaction. */
  async append(input: AppendEventInput): Promise<{ event: ReviewEvent; state: ReviewState }> {
    return this.db.transaction().execute((trx) => appendInTransaction(trx, input));
  }

  /** Appends within the caller's transaction (say, a confirm and its outbox row together). */
  appendInTransaction(trx: Tx, input: AppendEventInput): Promise<{ event: ReviewEvent; state: ReviewState }> {
    return appendInTransaction(trx, input);
  }

  async events(itemId: string): Promise<ReviewEvent[]> {
    return this.db.selectFrom('review_events').selectAll().where('review_item_id', '=', itemId).orderBy('seq').execute();
  }

  /** Rebuilds an item's state from its log alone, and checks the hash chain. */
  async rebuild(itemId: string): Promise<{ state: ReviewState; chainIntact: boolean }> {
    const events = await this.events(itemId);
    const state = foldReviewEvents(events.map(toEventInput));
    let prev: string | null = null;
    let chainIntact = true;
    for (const e of events) {
      if (e.prev_hash !== prev || e.hash !== eventHash(prev, e)) chainIntact = false;
      prev = e.hash;
    }
    return { state, chainIntact };
  }
}

export function newIdempotencyKey(): string {
  return randomUUID();
}

async function appendInTransaction(trx: Tx, input: AppendEventInput): Promise<{ event: ReviewEvent; state: ReviewState }> {
  // Lock the item: concurrent claims or decisions on one item serialise here, so two reviewers
  // can never both hold it or both decide it.
  const item = await trx
    .selectFrom('review_items')
    .select(['id', 'last_event_seq'])
    .where('id', '=', input.itemId)
    .forUpdate()
    .executeTakeFirstOrThrow();
  const history = await trx
    .selectFrom('review_events')
    .selectAll()
    .where('review_item_id', '=', item.id)
    .orderBy('seq')
    .execute();
  const at = new Date();
  const current = foldReviewEvents(history.map(toEventInput));
  const payload = { ...(input.payload ?? {}), ...(input.leaseSeconds ? { lease_seconds: input.leaseSeconds } : {}) };
  const state = applyReviewEvent(current, {
    type: input.type,
    actorUserId: input.actorUserId,
    at,
    ...(input.leaseSeconds ? { leaseSeconds: input.leaseSeconds } : {}),
  });
  const prevHash = history.at(-1)?.hash ?? null;
  const row = {
    review_item_id: item.id,
    seq: state.seq,
    type: input.type,
    actor_user_id: input.actorUserId,
    payload,
    created_at: at,
  };
  const event = await trx
    .insertInto('review_events')
    .values({ ...row, payload: JSON.stringify(payload), prev_hash: prevHash, hash: eventHash(prevHash, row) })
    .returningAll()
    .executeTakeFirstOrThrow();
  await trx
    .updateTable('review_items')
    .set({
      status: state.status,
      claimed_by: state.claimedBy,
      claim_expires_at: state.claimExpiresAt,
      last_event_seq: state.seq,
      updated_at: at,
    })
    .where('id', '=', item.id)
    .execute();
  return { event, state };
}

function toEventInput(e: Pick<ReviewEvent, 'type' | 'actor_user_id' | 'created_at' | 'payload'>) {
  const lease = (e.payload as { lease_seconds?: number } | null)?.lease_seconds;
  return { type: e.type, actorUserId: e.actor_user_id, at: e.created_at, ...(lease ? { leaseSeconds: lease } : {}) };
}

/** sha256 over the previous hash and the event's content, in a fixed field order. */
function eventHash(
  prevHash: string | null,
  e: { review_item_id: string; seq: number; type: string; actor_user_id: number | null; payload: unknown; created_at: Date },
): string {
  const content = canonicalJson([e.review_item_id, e.seq, e.type, e.actor_user_id, e.payload, e.created_at.toISOString()]);
  return sha256Hex(`${prevHash ?? ''}\n${content}`);
}
