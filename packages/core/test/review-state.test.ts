import { describe, expect, it } from 'vitest';
import { foldReviewEvents, ReviewTransitionError, type ReviewEventInput } from '../src/index.js';

const at = (seconds: number) => new Date(Date.UTC(2024, 0, 20, 8, 0, seconds));
const ev = (type: ReviewEventInput['type'], actorUserId: number | null, seconds: number, extra: Partial<ReviewEventInput> = {}): ReviewEventInput => ({
  type,
  actorUserId,
  at: at(seconds),
  ...extra,
});
const opened = ev('opened', null, 0);
const claimBy = (user: number, seconds: number) => ev('claimed', user, seconds, { leaseSeconds: 300 });

describe('the review state machine', () => {
  it('holds a four-eyes confirm until someone else approves it', () => {
    const awaiting = [opened, claimBy(1, 1), ev('confirmed', 1, 2, { requiresApproval: true })];
    expect(foldReviewEvents(awaiting)).toMatchObject({ status: 'awaiting_approval', confirmedBy: 1 });
    expect(() => foldReviewEvents([...awaiting, ev('approved', 1, 3)])).toThrow(/four eyes/);
    expect(foldReviewEvents([...awaiting, ev('approved', 2, 3)]).status).toBe('confirmed');
    expect(() => foldReviewEvents([opened, claimBy(1, 1), ev('confirmed', 1, 2), ev('approved', 2, 3)])).toThrow(ReviewTransitionError);
  });

  it('puts an item on hold off the queue, from where anyone may claim it again', () => {
    const held = [opened, claimBy(1, 1), ev('held', 1, 2)];
    expect(foldReviewEvents(held)).toMatchObject({ status: 'on_hold', claimedBy: null });
    expect(foldReviewEvents([...held, claimBy(2, 3)])).toMatchObject({ status: 'claimed', claimedBy: 2 });
  });

  it('lets only the system re-flag, and only a dismissed item', () => {
    const dismissed = [opened, claimBy(1, 1), ev('dismissed', 1, 2)];
    expect(foldReviewEvents([...dismissed, ev('reflagged', null, 3)]).status).toBe('open');
    expect(() => foldReviewEvents([...dismissed, ev('reflagged', 1, 3)])).toThrow(/system/);
    expect(() => foldReviewEvents([opened, ev('reflagged', null, 3)])).toThrow(/dismissed/);
  });

  it('records a delivery retry only on a confirmed case, without changing its status', () => {
    const confirmed = [opened, claimBy(1, 1), ev('confirmed', 1, 2)];
    expect(foldReviewEvents([...confirmed, ev('forwarding_retried', 1, 3)])).toMatchObject({ status: 'confirmed', seq: 4 });
    expect(() => foldReviewEvents([opened, ev('forwarding_retried', 1, 3)])).toThrow(ReviewTransitionError);
  });

  it('computes claim expiry from the claim event, so a replay gives the same answer at any wall-clock time', () => {
    const late = [opened, claimBy(1, 1), claimBy(2, 302)];
    expect(foldReviewEvents(late)).toMatchObject({ claimedBy: 2, claimExpiresAt: at(602) });
    expect(() => foldReviewEvents([opened, claimBy(1, 1), claimBy(2, 300)])).toThrow(/someone else/);
  });
});
