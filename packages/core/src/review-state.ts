import type { ReviewEventType, ReviewStatus, Role } from './domain.js';
import { NetraError } from './errors.js';
import { roleMay, type Permission } from './permissions.js';

/**
 * The review state machine. An item's state is a fold of its events: the projection stored on
 * review_items is always this fold, written in the same transaction as the event, and
 * `foldReviewEvents` rebuilds it from the log alone (no wall clock: claim expiry comes from the
 * claim event's own time).
 */
export interface ReviewState {
  status: ReviewStatus;
  claimedBy: number | null;
  claimExpiresAt: Date | null;
  /** Escalation sticks: an escalated item released by a supervisor goes back to 'escalated'. */
  escalated: boolean;
  /** Who made the confirm now awaiting (or given) approval: the approver must be someone else. */
  confirmedBy: number | null;
  seq: number;
}

export interface ReviewEventInput {
  type: ReviewEventType;
  actorUserId: number | null;
  at: Date;
  /** For 'claimed': how long the lease lasts. */
  leaseSeconds?: number;
  /** For 'confirmed': the agency wants a second person's approval before anything is forwarded. */
  requiresApproval?: boolean;
}

export class ReviewTransitionError extends NetraError {
  constructor(message: string) {
    super('NETRA_REVIEW_TRANSITION', message);
    this.name = 'ReviewTransitionError';
  }
}

export const initialReviewState: ReviewState = {
  status: 'open',
  claimedBy: null,
  claimExpiresAt: null,
  escalated: false,
  confirmedBy: null,
  seq: 0,
};

/** Whether `userId` holds an unexpired claim on the item at time `at`. */
export function holdsClaim(state: ReviewState, userId: number, at: Date): boolean {
  return state.status === 'claimed' && state.claimedBy === userId && state.claimExpiresAt !== null && at < state.claimExpiresAt;
}

/** Items waiting for a person (open, escalated, on hold) or whose claim ran out can be claimed. */
function claimIsFree(state: ReviewState, at: Date): boolean {
  if (state.status === 'open' || state.status === 'escalated' || state.status === 'on_hold') return true;
  return state.status === 'claimed' && state.claimExpiresAt !== null && at >= state.claimExpiresAt;
}

const unclaimed = (state: ReviewState) => (state.escalated ? 'escalated' : 'open') as ReviewStatus;
const noClaim = { claimedBy: null, claimExpiresAt: null } as const;

/** Applies one event; throws ReviewTransitionError when the event is not allowed now. */
export function applyReviewEvent(state: ReviewState, event: ReviewEventInput): ReviewState {
  const next = { ...state, seq: state.seq + 1 };
  const actor = event.actorUserId;
  const requireClaimHolder = () => {
    if (actor === null || !holdsClaim(state, actor, event.at)) {
      throw new ReviewTransitionError(`${event.type} needs an active claim by the deciding reviewer`);
    }
  };
  const requirePerson = () => {
    if (actor === null) throw new ReviewTransitionError(`only a person can record '${event.type}'`);
  };
  switch (event.type) {
    case 'opened':
      if (state.seq !== 0) throw new ReviewTransitionError('an item is opened only once');
      return { ...initialReviewState, seq: 1 };
    case 'claimed': {
      requirePerson();
      const renewing = holdsClaim(state, actor!, event.at);
      if (!renewing && !claimIsFree(state, event.at)) {
        throw new ReviewTransitionError(`item is ${state.status === 'claimed' ? 'claimed by someone else' : state.status}`);
      }
      const lease = event.leaseSeconds ?? 0;
      if (lease <= 0) throw new ReviewTransitionError('a claim needs a positive lease');
      return { ...next, status: 'claimed', claimedBy: actor, claimExpiresAt: new Date(event.at.getTime() + lease * 1000) };
    }
    case 'released':
      requireClaimHolder();
      return { ...next, ...noClaim, status: unclaimed(state) };
    case 'held':
      requireClaimHolder();
      return { ...next, ...noClaim, status: 'on_hold' };
    case 'confirmed':
      requireClaimHolder();
      return { ...next, ...noClaim, status: event.requiresApproval ? 'awaiting_approval' : 'confirmed', confirmedBy: actor };
    case 'approved':
      requirePerson();
      if (state.status !== 'awaiting_approval') throw new ReviewTransitionError(`only a confirm awaiting approval can be approved (it is ${state.status})`);
      if (actor === state.confirmedBy) throw new ReviewTransitionError('four eyes: the approver must be someone other than the confirming reviewer');
      return { ...next, status: 'confirmed' };
    case 'dismissed':
      requireClaimHolder();
      return { ...next, ...noClaim, status: 'dismissed' };
    case 'escalated':
      requireClaimHolder();
      return { ...next, ...noClaim, status: 'escalated', escalated: true };
    case 'reopened':
      requirePerson();
      if (state.status !== 'confirmed' && state.status !== 'dismissed' && state.status !== 'awaiting_approval') {
        throw new ReviewTransitionError(`only a decided item can be reopened (it is ${state.status})`);
      }
      return { ...next, status: unclaimed(state), confirmedBy: null };
    case 'reflagged':
      if (actor !== null) throw new ReviewTransitionError('only the system re-flags an item');
      if (state.status !== 'dismissed') throw new ReviewTransitionError(`only a dismissed item can be re-flagged (it is ${state.status})`);
      return { ...next, status: unclaimed(state) };
    case 'forwarding_retried':
      requirePerson();
      if (state.status !== 'confirmed') throw new ReviewTransitionError(`only a confirmed case is forwarded (it is ${state.status})`);
      return next;
  }
}

export function foldReviewEvents(events: readonly ReviewEventInput[]): ReviewState {
  return events.reduce(applyReviewEvent, initialReviewState);
}

/** What a person can do to an item: claim it, or one of the decisions (POST …/decision). */
export const reviewActions = ['claim', 'confirm', 'dismiss', 'escalate', 'hold', 'release', 'approve', 'reopen'] as const;
export type ReviewAction = (typeof reviewActions)[number];

export const eventTypeOfAction = {
  claim: 'claimed',
  confirm: 'confirmed',
  dismiss: 'dismissed',
  escalate: 'escalated',
  hold: 'held',
  release: 'released',
  approve: 'approved',
  reopen: 'reopened',
} as const satisfies Record<ReviewAction, ReviewEventType>;

/** The permission each action needs; the claim-bound ones also need the person's live claim. */
export const permissionForAction = {
  claim: 'review',
  confirm: 'review',
  dismiss: 'review',
  escalate: 'review',
  hold: 'review',
  release: 'review',
  approve: 'approve',
  reopen: 'reopen',
} as const satisfies Record<ReviewAction, Permission>;

export const claimBoundActions: ReadonlySet<ReviewAction> = new Set(['confirm', 'dismiss', 'escalate', 'hold', 'release']);

/**
 * The actions `viewer` can take on an item in `state` at `now`: exactly those their role permits
 * and the state machine would accept (a test holds the two together over every state and role).
 * Pages offer these and nothing else; the API answers the rest with a clear refusal.
 */
export function availableActions(state: ReviewState, viewer: { userId: number; role: Role }, now: Date): ReviewAction[] {
  const may = (action: ReviewAction) => roleMay(viewer.role, permissionForAction[action]);
  const holds = holdsClaim(state, viewer.userId, now);
  const decided = state.status === 'confirmed' || state.status === 'dismissed' || state.status === 'awaiting_approval';
  return reviewActions.filter((action) => {
    if (!may(action)) return false;
    if (claimBoundActions.has(action)) return holds;
    switch (action) {
      case 'claim':
        // Renewing a held claim is the page's heartbeat, not an action offered.
        return !holds && claimIsFree(state, now) && (!state.escalated || roleMay(viewer.role, 'claim_escalated'));
      case 'approve':
        return state.status === 'awaiting_approval' && state.confirmedBy !== viewer.userId;
      case 'reopen':
        return decided;
      default:
        return false;
    }
  });
}
