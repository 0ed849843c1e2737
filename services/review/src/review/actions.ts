import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import { citationOf } from '@netra/classifier/citations';
import { claimBoundActions, eventTypeOfAction, holdsClaim, NetraError, permissionForAction } from '@netra/core';
import { ForwardingRepository, projectedState, ReviewDecisionReads, type Database, type ReviewEvent } from '@netra/db';
import { can, requirePermission } from '../auth/permissions.js';
import type { Viewer } from '../auth/sessions.js';
import type { ReviewContext } from '../context.js';
import { forbiddenAction, HttpError, httpError, itemNotFound } from '../errors.js';
import { buildCaseReport, type ConfirmedDecision } from './case-report.js';
import { eventPayloadOf, type Decision } from './decision.js';
import { loadItemDetail } from './detail.js';
import { reportThumbnails } from './report-images.js';
import { renderCaseReportPage } from '../web/pages/case-report.js';
import { itemScopeOf, type ItemScope } from './scope.js';

type Tx = Transaction<Database>;
type LockedItem = Awaited<ReturnType<typeof lockVisibleItem>>;

/**
 * Claims and decisions. Each runs in one transaction that first locks the item through the
 * caller's scope (so an unseen item is a 404 and two requests on one item queue up), checks the
 * caller's role, translates the common refusals into clear error codes, and then appends the
 * event through the repository, whose state machine has the final word (its
 * ReviewTransitionError answers 409).
 */
export async function claimItem(ctx: ReviewContext, viewer: Viewer, itemId: string) {
  requirePermission(viewer, 'review', 'claim review items');
  const scope = itemScopeOf(viewer);
  return ctx.db.transaction().execute(async (trx) => {
    const item = await lockVisibleItem(trx, scope, itemId);
    return claimLocked(ctx, trx, viewer, item, {});
  });
}

async function claimLocked(ctx: ReviewContext, trx: Tx, viewer: Viewer, item: LockedItem, payload: Record<string, unknown>) {
  const before = projectedState(item);
  const holder = before.claimedBy;
  if (holder !== null && holder !== viewer.userId && holdsClaim(before, holder, new Date())) {
    throw httpError('claimHeld', undefined, { claim_expires_at: item.claim_expires_at });
  }
  // Escalation goes up: once escalated, only a supervisor or a central reviewer takes the item.
  if (item.escalated && !can(viewer, 'claim_escalated')) throw forbiddenAction(viewer.role, 'claim an escalated item');
  const { state } = await ctx.reviewItems.appendInTransaction(trx, {
    itemId: item.id,
    type: 'claimed',
    actorUserId: viewer.userId,
    leaseSeconds: ctx.claimLeaseSeconds,
    payload,
  });
  return { id: item.id, status: state.status, claim_expires_at: state.claimExpiresAt };
}

/**
 * Applies a decision. A confirm queues the case for its home agency atomically, unless the
 * agency wants four eyes: then the confirm waits, and the approval by another person queues it.
 */
export async function decideItem(ctx: ReviewContext, viewer: Viewer, itemId: string, decision: Decision) {
  requirePermission(viewer, permissionForAction[decision.action], `${decision.action} review items`);
  const scope = itemScopeOf(viewer);
  return ctx.db.transaction().execute(async (trx) => {
    const item = await lockVisibleItem(trx, scope, itemId);
    if (claimBoundActions.has(decision.action)) assertDecidable(item, viewer.userId, new Date());
    const { event, state } = await ctx.reviewItems.appendInTransaction(trx, {
      itemId,
      type: eventTypeOfAction[decision.action],
      actorUserId: viewer.userId,
      payload: await payloadOf(trx, item, decision),
    });
    let forwardings = null;
    if (event.type === 'confirmed' && state.status === 'confirmed') {
      forwardings = await queueForwarding(ctx, trx, scope, item, { confirmEvent: event, approveEvent: null });
    } else if (event.type === 'approved') {
      forwardings = await queueForwarding(ctx, trx, scope, item, { confirmEvent: await new ReviewDecisionReads(trx).lastConfirm(itemId), approveEvent: event });
    }
    return {
      id: itemId,
      status: state.status,
      event: { seq: event.seq, type: event.type },
      // The first delivery row, as before channels existed; all of them under `forwardings`.
      forwarding: forwardings?.[0] ?? null,
      forwardings,
    };
  });
}

/** What the event records besides the decision itself: the classification it was about, the rule, four eyes. */
async function payloadOf(trx: Tx, item: LockedItem, decision: Decision): Promise<Record<string, unknown>> {
  const payload = eventPayloadOf(decision);
  if (decision.action === 'dismiss') return { ...payload, classification_id: item.classification_id };
  if (decision.action !== 'confirm') return payload;
  // The citation as the agency reads it, in Indonesian, whatever language older evidence stored.
  const rule = decision.rule ?? citationOf(decision.code, 'id');
  return {
    ...payload,
    rule,
    classification_id: item.classification_id,
    ...(item.requires_four_eyes ? { requires_approval: true } : {}),
  };
}

export interface BulkDismissal {
  ids: string[];
  reason: Extract<Decision, { action: 'dismiss' }>['reason'];
  note?: string | undefined;
}

/**
 * Dismisses obvious false flags in one go. Every item goes through the same path as by hand
 * (claim, then dismiss, each an event) and both events carry the batch id, so the batch can be
 * found and reviewed later. Items that cannot be dismissed now are reported, not forced.
 */
export async function bulkDismiss(ctx: ReviewContext, viewer: Viewer, bulk: BulkDismissal) {
  requirePermission(viewer, 'review', 'dismiss review items');
  const scope = itemScopeOf(viewer);
  const batchId = randomUUID();
  const dismissed: string[] = [];
  const skipped: { id: string; code: string; message: string }[] = [];
  for (const itemId of new Set(bulk.ids)) {
    try {
      await ctx.db.transaction().execute(async (trx) => {
        const item = await lockVisibleItem(trx, scope, itemId);
        if (!holdsClaim(projectedState(item), viewer.userId, new Date())) await claimLocked(ctx, trx, viewer, item, { batch_id: batchId });
        const decision = { action: 'dismiss', reason: bulk.reason, ...(bulk.note ? { note: bulk.note } : {}) } as const;
        await ctx.reviewItems.appendInTransaction(trx, {
          itemId,
          type: 'dismissed',
          actorUserId: viewer.userId,
          payload: { ...(await payloadOf(trx, item, decision)), batch_id: batchId },
        });
      });
      dismissed.push(itemId);
    } catch (error) {
      if (!(error instanceof NetraError)) throw error;
      skipped.push({ id: itemId, code: error.code, message: error.message });
    }
  }
  return { batch_id: batchId, dismissed, skipped };
}

/** Puts a failed delivery back in the outbox; the request is itself an event in the item's log. */
export async function retryForwarding(ctx: ReviewContext, viewer: Viewer, forwardingId: string) {
  requirePermission(viewer, 'review', 'retry deliveries');
  const scope = itemScopeOf(viewer);
  const notFound = () => httpError('forwardingNotFound', { id: forwardingId });
  return ctx.db.transaction().execute(async (trx) => {
    const forwardings = new ForwardingRepository(trx);
    const itemId = await forwardings.itemOf(forwardingId);
    if (itemId === null) throw notFound();
    const item = await lockVisibleItem(trx, scope, itemId).catch((error: unknown) => {
      throw error instanceof HttpError && error.statusCode === 404 ? notFound() : error;
    });
    if (!(await forwardings.retry(forwardingId))) {
      throw httpError('notFailed');
    }
    await ctx.reviewItems.appendInTransaction(trx, {
      itemId: item.id,
      type: 'forwarding_retried',
      actorUserId: viewer.userId,
      payload: { forwarding_id: forwardingId },
    });
    return { id: forwardingId, status: 'pending' as const };
  });
}

async function lockVisibleItem(trx: Tx, scope: ItemScope, itemId: string) {
  const item = await new ReviewDecisionReads(trx).lockItem(scope, itemId);
  if (!item) throw itemNotFound(itemId);
  return item;
}

function assertDecidable(item: LockedItem, userId: number, now: Date): void {
  if (item.status === 'confirmed' || item.status === 'dismissed' || item.status === 'awaiting_approval') {
    throw httpError('alreadyDecided', { status: item.status });
  }
  if (!holdsClaim(projectedState(item), userId, now)) throw httpError('claimRequired');
}

/**
 * The outbox rows: written in the transaction of the decision that makes the case final, so the
 * decision and its delivery stand or fall together. The report is frozen here, as JSON and as
 * the printable page, exactly as the agency will receive it.
 */
async function queueForwarding(ctx: ReviewContext, trx: Tx, scope: ItemScope, item: LockedItem, events: { confirmEvent: ReviewEvent; approveEvent: ReviewEvent | null }) {
  const detail = await loadItemDetail(trx, scope, item.id);
  if (!detail) throw itemNotFound(item.id);
  const people = await new ReviewDecisionReads(trx).people([events.confirmEvent.actor_user_id!, events.approveEvent?.actor_user_id ?? events.confirmEvent.actor_user_id!]);
  const person = (id: number | null) => {
    const user = people.find((p) => p.id === id)!;
    return { id: user.id, name: user.display_name, email: user.email, role: user.role };
  };
  const decision: ConfirmedDecision = {
    confirmEvent: events.confirmEvent,
    confirmer: person(events.confirmEvent.actor_user_id),
    approval: events.approveEvent ? { event: events.approveEvent, approver: person(events.approveEvent.actor_user_id) } : null,
  };
  const report = buildCaseReport(detail, decision);
  return new ForwardingRepository(trx).queueCase({
    itemId: item.id,
    agencyId: item.agency_id,
    confirmEventId: events.confirmEvent.id,
    approveEventId: events.approveEvent?.id ?? null,
    report,
    reportHtml: renderCaseReportPage(report, await reportThumbnails(ctx.mediaStore, detail)),
  });
}
