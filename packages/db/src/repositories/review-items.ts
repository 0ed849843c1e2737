import { sql, type Transaction } from 'kysely';
import {
  applyReviewEvent,
  canonicalJson,
  foldReviewEvents,
  sha256Hex,
  type PriorityPart,
  type ReviewEventInput,
  type ReviewEventType,
  type ReviewState,
} from '@netra/core';
import type { Db } from '../connection.js';
import type { Database, ReviewEvent } from '../schema.js';
import { ForwardingRepository } from './forwardings.js';

type Tx = Transaction<Database>;

export interface AppendEventInput {
  itemId: string;
  type: ReviewEventType;
  actorUserId: number | null;
  payload?: Record<string, unknown>;
  leaseSeconds?: number;
}

export interface ReviewItemRepositoryOptions {
  /**
   * After a human 'not partisan' dismissal, the same content is not re-flagged for this long
   * (Osprey's manual override); changed content is re-flagged at once.
   */
  notPartisanSuppressionDays?: number;
}

export const DEFAULT_NOT_PARTISAN_SUPPRESSION_DAYS = 30;

export interface OpenItemInput {
  subject: { postId: string } | { engagementId: string };
  civilServantId: number;
  agencyId: number;
  classificationId: string;
  priority: number;
  /** Why `priority` is what it is (reviewPriority's parts); null where no one computed them. */
  priorityParts: Record<PriorityPart, number> | null;
}

/** The state machine's state as stored on a review_items row (the projection of its log). */
export function projectedState(row: {
  status: ReviewState['status'];
  claimed_by: number | null;
  claim_expires_at: Date | null;
  escalated: boolean;
  confirmed_by: number | null;
  last_event_seq: number;
}): ReviewState {
  return {
    status: row.status,
    claimedBy: row.claimed_by,
    claimExpiresAt: row.claim_expires_at,
    escalated: row.escalated,
    confirmedBy: row.confirmed_by,
    seq: row.last_event_seq,
  };
}

/**
 * The review aggregate: items and their append-only event log. This is the only code that
 * writes review_events or the status columns of review_items, so the projection always equals
 * the fold of the log.
 */
export class ReviewItemRepository {
  private readonly suppressionMs: number;

  constructor(
    private readonly db: Db,
    options: ReviewItemRepositoryOptions = {},
  ) {
    this.suppressionMs = (options.notPartisanSuppressionDays ?? DEFAULT_NOT_PARTISAN_SUPPRESSION_DAYS) * 86_400_000;
  }

  /**
   * For each subject, in order, its civil servant's other review items by where they stand (one
   * input of a flag's priority): confirmed cases, and flags still waiting. One query for a batch,
   * asked only for the subjects that are flagged.
   */
  async recordsOf(
    subjects: readonly { civilServantId: number; subject: OpenItemInput['subject'] }[],
    inTransaction?: Tx,
  ): Promise<{ confirmedCases: number; otherWaiting: number }[]> {
    if (subjects.length === 0) return [];
    const { rows } = await sql<{ confirmed_cases: number; other_waiting: number }>`
      SELECT count(o.id) FILTER (WHERE o.status IN ('confirmed', 'awaiting_approval'))::int AS confirmed_cases,
             count(o.id) FILTER (WHERE o.status IN ('open', 'claimed', 'escalated', 'on_hold'))::int AS other_waiting
      FROM unnest(${subjects.map((s) => s.civilServantId)}::int[],
                  ${subjects.map((s) => ('postId' in s.subject ? s.subject.postId : null))}::bigint[],
                  ${subjects.map((s) => ('engagementId' in s.subject ? s.subject.engagementId : null))}::bigint[])
           WITH ORDINALITY AS s(civil_servant_id, post_id, engagement_id, position)
      LEFT JOIN review_items o ON o.civil_servant_id = s.civil_servant_id
        AND NOT coalesce(o.post_id = s.post_id OR o.engagement_id = s.engagement_id, false)
      GROUP BY s.position
      ORDER BY s.position
    `.execute(inTransaction ?? this.db);
    return rows.map((row) => ({ confirmedCases: row.confirmed_cases, otherWaiting: row.other_waiting }));
  }

  /**
   * Opens the review item for a flagged subject, or, if it exists, points it at the newer
   * classification; a dismissed item whose content changed (or whose 'not partisan' suppression
   * ran out) is re-flagged. Safe to repeat: one item per subject, one 'opened' event per item,
   * and the same classification twice changes nothing.
   */
  async openOrUpdate(input: OpenItemInput, inTransaction?: Tx): Promise<{ itemId: string; created: boolean; reflagged?: boolean }> {
    // Inside the caller's transaction when given: the classifier stores its classification and
    // opens the item together, so a flag never ends up without its review item.
    const run = <T>(fn: (trx: Tx) => Promise<T>): Promise<T> => (inTransaction ? fn(inTransaction) : this.db.transaction().execute(fn));
    return run(async (trx) => {
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
          priority_parts: input.priorityParts && JSON.stringify(input.priorityParts),
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
        .selectFrom('review_items')
        .select(['id', 'status', 'classification_id'])
        .where('postId' in input.subject ? 'post_id' : 'engagement_id', '=', Object.values(input.subject)[0] as string)
        .forUpdate()
        .executeTakeFirstOrThrow();
      if (existing.classification_id === input.classificationId) return { itemId: existing.id, created: false };
      const reflag = existing.status === 'dismissed' ? await this.reflagReason(trx, existing.id, input.classificationId) : null;
      await trx
        .updateTable('review_items')
        .set({
          classification_id: input.classificationId,
          priority: input.priority,
          priority_parts: input.priorityParts && JSON.stringify(input.priorityParts),
          updated_at: sql`now()`,
        })
        .where('id', '=', existing.id)
        .execute();
      if (reflag) {
        await appendInTransaction(trx, { itemId: existing.id, type: 'reflagged', actorUserId: null, payload: { classification_id: input.classificationId, reason: reflag } });
      }
      return { itemId: existing.id, created: false, reflagged: reflag !== null };
    });
  }

  /**
   * Why a dismissed item should come back to the queue for a new classification, or null to
   * leave the human decision standing. Content is compared by the classifier's input hash.
   */
  private async reflagReason(trx: Tx, itemId: string, classificationId: string): Promise<'content_changed' | 'suppression_ended' | null> {
    const dismissal = await trx
      .selectFrom('review_events')
      .select(['payload', 'created_at'])
      .where('review_item_id', '=', itemId)
      .where('type', '=', 'dismissed')
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (!dismissal) return null;
    const decided = dismissal.payload as { reason?: string; classification_id?: string };
    const inputs = await trx
      .selectFrom('classifications')
      .select(['id', 'input_sha256'])
      .where('id', 'in', [classificationId, decided.classification_id ?? classificationId])
      .execute();
    const hashOf = (id: string | undefined) => inputs.find((c) => c.id === id)?.input_sha256;
    if (decided.classification_id && hashOf(decided.classification_id) !== hashOf(classificationId)) return 'content_changed';
    if (decided.reason !== 'not_partisan') return null;
    return Date.now() - dismissal.created_at.getTime() >= this.suppressionMs ? 'suppression_ended' : null;
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

  /**
   * Recomputes the status projection of items from their logs alone and writes back any that
   * differ (the projection is derived data; the log is the truth). Returns what it changed and
   * any item whose hash chain is broken.
   */
  async rebuildProjections(itemIds?: readonly string[]): Promise<{ checked: number; repaired: string[]; brokenChains: string[] }> {
    if (itemIds?.length === 0) return { checked: 0, repaired: [], brokenChains: [] };
    let query = this.db
      .selectFrom('review_items')
      .select(['id', 'status', 'claimed_by', 'claim_expires_at', 'escalated', 'confirmed_by', 'last_event_seq'])
      .orderBy('id');
    if (itemIds) query = query.where('id', 'in', [...itemIds]);
    const items = await query.execute();
    const repaired: string[] = [];
    const brokenChains: string[] = [];
    for (const item of items) {
      const { state, chainIntact } = await this.rebuild(item.id);
      if (!chainIntact) brokenChains.push(item.id);
      const projected = {
        status: state.status,
        claimed_by: state.claimedBy,
        claim_expires_at: state.claimExpiresAt,
        escalated: state.escalated,
        confirmed_by: state.confirmedBy,
        last_event_seq: state.seq,
      };
      const same =
        item.status === projected.status &&
        item.claimed_by === projected.claimed_by &&
        item.claim_expires_at?.getTime() === projected.claim_expires_at?.getTime() &&
        item.escalated === projected.escalated &&
        item.confirmed_by === projected.confirmed_by &&
        item.last_event_seq === projected.last_event_seq;
      if (same) continue;
      await this.db.updateTable('review_items').set(projected).where('id', '=', item.id).execute();
      repaired.push(item.id);
    }
    return { checked: items.length, repaired, brokenChains };
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
  const state = applyReviewEvent(current, toEventInput({ type: input.type, actor_user_id: input.actorUserId, created_at: at, payload }));
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
      escalated: state.escalated,
      confirmed_by: state.confirmedBy,
      last_event_seq: state.seq,
      updated_at: at,
    })
    .where('id', '=', item.id)
    .execute();
  // Leaving 'confirmed' (or a confirm awaiting approval), by a reopen, takes back what the case
  // put in the outbox in this same transaction: nothing pending goes out for a case no longer
  // confirmed, and an agency that already has it is told it was withdrawn.
  const wasDecidedCase = current.status === 'confirmed' || current.status === 'awaiting_approval';
  if (wasDecidedCase && state.status !== 'confirmed' && state.status !== 'awaiting_approval') {
    await new ForwardingRepository(trx).withdrawCase(item.id, event);
  }
  return { event, state };
}

/** The state machine's view of a stored event: what it needs from the payload, and nothing else. */
function toEventInput(e: Pick<ReviewEvent, 'type' | 'actor_user_id' | 'created_at' | 'payload'>): ReviewEventInput {
  const payload = (e.payload ?? {}) as { lease_seconds?: number; requires_approval?: boolean };
  return {
    type: e.type,
    actorUserId: e.actor_user_id,
    at: e.created_at,
    ...(payload.lease_seconds ? { leaseSeconds: payload.lease_seconds } : {}),
    ...(payload.requires_approval ? { requiresApproval: true } : {}),
  };
}

/** sha256 over the previous hash and the event's content, in a fixed field order. */
function eventHash(
  prevHash: string | null,
  e: { review_item_id: string; seq: number; type: string; actor_user_id: number | null; payload: unknown; created_at: Date },
): string {
  const content = canonicalJson([e.review_item_id, e.seq, e.type, e.actor_user_id, e.payload, e.created_at.toISOString()]);
  return sha256Hex(`${prevHash ?? ''}\n${content}`);
}
