import type { Transaction } from 'kysely';
import { newIdempotencyKey, type Database, type ReviewEvent } from '@netra/db';
import type { Viewer } from '../auth/sessions.js';
import type { ReviewContext } from '../context.js';
import { HttpError, itemNotFound } from '../errors.js';
import { buildCaseReport } from './case-report.js';
import { eventPayloadOf, eventTypeOf, type Decision } from './decision.js';
import { loadItemDetail } from './detail.js';
import { itemScopeOf, visibleItems, type ItemScope } from './scope.js';

type Tx = Transaction<Database>;
type LockedItem = Awaited<ReturnType<typeof lockVisibleItem>>;

/**
 * Claims and decisions. Each runs in one transaction that first locks the item through the
 * caller's scope (so an unseen item is a 404 and two requests on one item queue up), translates
 * the common refusals into clear error codes, and then appends the event through the repository,
 * whose state machine has the final word (its ReviewTransitionError answers 409).
 */
export async function claimItem(ctx: ReviewContext, viewer: Viewer, itemId: string) {
  const scope = itemScopeOf(viewer);
  return ctx.db.transaction().execute(async (trx) => {
    const item = await lockVisibleItem(trx, scope, itemId);
    const holder = activeClaimHolder(item, new Date());
    if (holder !== null && holder !== viewer.userId) {
      throw new HttpError(409, 'NETRA_CLAIM_HELD', 'someone else is reviewing this item', {
        claim_expires_at: item.claim_expires_at,
      });
    }
    const { state } = await ctx.reviewItems.appendInTransaction(trx, {
      itemId,
      type: 'claimed',
      actorUserId: viewer.userId,
      leaseSeconds: ctx.claimLeaseSeconds,
    });
    return { id: itemId, status: state.status, claim_expires_at: state.claimExpiresAt };
  });
}

/** Applies a decision; a confirm also queues the case for its home agency, atomically. */
export async function decideItem(ctx: ReviewContext, viewer: Viewer, itemId: string, decision: Decision) {
  const scope = itemScopeOf(viewer);
  return ctx.db.transaction().execute(async (trx) => {
    const item = await lockVisibleItem(trx, scope, itemId);
    assertDecidable(item, viewer.userId, new Date());
    const { event, state } = await ctx.reviewItems.appendInTransaction(trx, {
      itemId,
      type: eventTypeOf[decision.action],
      actorUserId: viewer.userId,
      payload: eventPayloadOf(decision),
    });
    const forwarding =
      decision.action === 'confirm' ? await queueForwarding(trx, scope, item, event, viewer, decision) : null;
    return { id: itemId, status: state.status, event: { seq: event.seq, type: event.type }, forwarding };
  });
}

async function lockVisibleItem(trx: Tx, scope: ItemScope, itemId: string) {
  const item = await visibleItems(trx, scope)
    .select(['ri.id', 'ri.agency_id', 'ri.status', 'ri.claimed_by', 'ri.claim_expires_at'])
    .where('ri.id', '=', itemId)
    .forUpdate()
    .executeTakeFirst();
  if (!item) throw itemNotFound(itemId);
  return item;
}

/** Who holds an unexpired claim on the item at `now`, if anyone. */
function activeClaimHolder(item: LockedItem, now: Date): number | null {
  const live = item.status === 'claimed' && item.claim_expires_at !== null && now < item.claim_expires_at;
  return live ? item.claimed_by : null;
}

function assertDecidable(item: LockedItem, userId: number, now: Date): void {
  if (item.status === 'confirmed' || item.status === 'dismissed') {
    throw new HttpError(409, 'NETRA_ALREADY_DECIDED', `this item is already ${item.status}`);
  }
  if (activeClaimHolder(item, now) !== userId) throw new HttpError(409, 'NETRA_CLAIM_REQUIRED', 'claim the item before deciding it');
}

/** The outbox row: written in the confirm's transaction, so a confirm and its delivery stand or fall together. */
async function queueForwarding(
  trx: Tx,
  scope: ItemScope,
  item: LockedItem,
  event: ReviewEvent,
  reviewer: Viewer,
  decision: Extract<Decision, { action: 'confirm' }>,
) {
  const detail = await loadItemDetail(trx, scope, item.id);
  if (!detail) throw itemNotFound(item.id);
  const report = buildCaseReport(detail, { event, reviewer, code: decision.code, severity: decision.severity, note: decision.note });
  return trx
    .insertInto('forwardings')
    .values({
      review_item_id: item.id,
      confirm_event_id: event.id,
      agency_id: item.agency_id,
      idempotency_key: newIdempotencyKey(),
      report: JSON.stringify(report),
    })
    .returning(['id', 'idempotency_key', 'status'])
    .executeTakeFirstOrThrow();
}
