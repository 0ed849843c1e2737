import type { ReviewEventType, ReviewStatus } from './domain.js';
import { NetraError } from './errors.js';

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
  seq: number;
}

export interface ReviewEventInput {
  type: ReviewEventType;
  actorUserId: number | null;
  at: Date;
  /** For 'claimed': how long the lease lasts. */
  leaseSeconds?: number;
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
  seq: 0,
};

/** Whether `userId` holds an unexpired claim on the item at time `at`. */
export function holdsClaim(state: ReviewState, userId: number, at: Date): boolean {
  return state.status === 'claimed' && state.claimedBy === userId && state.claimExpiresAt !== null && at < state.claimExpiresAt;
}

function claimIsFree(state: ReviewState, at: Date): boolean {
  if (state.status === 'open' || state.status === 'escalated') return true;
  return state.status === 'claimed' && state.claimExpiresAt !== null && at >= state.claimExpiresAt;
}

const unclaimed = (state: ReviewState) => (state.escalated ? 'escalated' : 'open') as ReviewStatus;

/** Applies one event; throws ReviewTransitionError when the event is not allowed now. */
export function applyReviewEvent(state: ReviewState, event: ReviewEventInput): ReviewState {
  const next = { ...state, seq: state.seq + 1 };
  const actor = event.actorUserId;
  const requireClaimHolder = () => {
    if (actor === null || !holdsClaim(state, actor, event.at)) {
      throw new ReviewTransitionError(`${event.type} needs an active claim by the deciding reviewer`);
    }
  };
  switch (event.type) {
    case 'opened':
      if (state.seq !== 0) throw new ReviewTransitionError('an item is opened only once');
      return { ...initialReviewState, seq: 1 };
    case 'claimed': {
      if (actor === null) throw new ReviewTransitionError('only a person can claim');
      const renewing = holdsClaim(state, actor, event.at);
      if (!renewing && !claimIsFree(state, event.at)) {
        throw new ReviewTransitionError(`item is ${state.status === 'claimed' ? 'claimed by someone else' : state.status}`);
      }
      const lease = event.leaseSeconds ?? 0;
      if (lease <= 0) throw new ReviewTransitionError('a claim needs a positive lease');
      return { ...next, status: 'claimed', claimedBy: actor, claimExpiresAt: new Date(event.at.getTime() + lease * 1000) };
    }
    case 'released':
      requireClaimHolder();
      return { ...next, status: unclaimed(state), claimedBy: null, claimExpiresAt: null };
    case 'confirmed':
      requireClaimHolder();
      return { ...next, status: 'confirmed', claimedBy: null, claimExpiresAt: null };
    case 'dismissed':
      requireClaimHolder();
      return { ...next, status: 'dismissed', claimedBy: null, claimExpiresAt: null };
    case 'escalated':
      requireClaimHolder();
      return { ...next, status: 'escalated', escalated: true, claimedBy: null, claimExpiresAt: null };
    case 'reopened':
      if (state.status !== 'confirmed' && state.status !== 'dismissed') {
        throw new ReviewTransitionError(`only a decided item can be reopened (it is ${state.status})`);
      }
      if (actor === null) throw new ReviewTransitionError('only a person can reopen');
      return { ...next, status: unclaimed(state) };
  }
}

export function foldReviewEvents(events: readonly ReviewEventInput[]): ReviewState {
  return events.reduce(applyReviewEvent, initialReviewState);
}
