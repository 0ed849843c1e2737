import { describe, expect, it } from 'vitest';
import {
  applyReviewEvent,
  availableActions,
  eventTypeOfAction,
  reviewActions,
  reviewStatuses,
  roleMay,
  roles,
  type ReviewAction,
  type ReviewState,
} from '../src/index.js';

/**
 * What a page offers is what would succeed: for every state the machine can be in, every role and
 * every action, availableActions offers the action exactly when the role may take it and the
 * state machine accepts its event (escalated items only for those who take escalations).
 */
const now = new Date('2024-02-01T03:00:00Z');
const me = 7;
const other = 8;
const soon = new Date(now.getTime() + 60_000);
const past = new Date(now.getTime() - 60_000);

const states: { name: string; state: ReviewState }[] = reviewStatuses.flatMap((status) =>
  [false, true].flatMap((escalated): { name: string; state: ReviewState }[] => {
    const base: ReviewState = { status, escalated, claimedBy: null, claimExpiresAt: null, confirmedBy: null, seq: 3 };
    if (status === 'claimed') {
      return [
        { name: `${status} by me${escalated ? ', escalated' : ''}`, state: { ...base, claimedBy: me, claimExpiresAt: soon } },
        { name: `${status} by another${escalated ? ', escalated' : ''}`, state: { ...base, claimedBy: other, claimExpiresAt: soon } },
        { name: `${status}, lease run out${escalated ? ', escalated' : ''}`, state: { ...base, claimedBy: other, claimExpiresAt: past } },
      ];
    }
    if (status === 'awaiting_approval' || status === 'confirmed') {
      return [
        { name: `${status}, confirmed by me${escalated ? ', escalated' : ''}`, state: { ...base, confirmedBy: me } },
        { name: `${status}, confirmed by another${escalated ? ', escalated' : ''}`, state: { ...base, confirmedBy: other } },
      ];
    }
    return [{ name: `${status}${escalated ? ', escalated' : ''}`, state: base }];
  }),
);

function accepted(state: ReviewState, action: ReviewAction): boolean {
  try {
    applyReviewEvent(state, { type: eventTypeOfAction[action], actorUserId: me, at: now, leaseSeconds: 300 });
    return true;
  } catch {
    return false;
  }
}

describe('availableActions over every state × role', () => {
  it.each(states.flatMap(({ name, state }) => roles.map((role) => [name, role, state] as const)))('%s, as %s', (_name, role, state) => {
    const offered = availableActions(state, { userId: me, role }, now);
    const expected = reviewActions.filter((action) => {
      const permission = { claim: 'review', approve: 'approve', reopen: 'reopen' }[action as string] ?? 'review';
      if (!roleMay(role, permission as 'review')) return false;
      if (action === 'claim') {
        // Renewing one's own live claim is the page's heartbeat, not an offered action.
        const mine = state.status === 'claimed' && state.claimedBy === me && state.claimExpiresAt! > now;
        if (mine || (state.escalated && !roleMay(role, 'claim_escalated'))) return false;
      }
      return accepted(state, action);
    });
    expect(offered).toEqual(expected);
  });

  it('offers a reviewer holding the claim every decision but approval and reopening', () => {
    const state = states.find((s) => s.name === 'claimed by me')!.state;
    expect(availableActions(state, { userId: me, role: 'reviewer' }, now)).toEqual(['confirm', 'dismiss', 'escalate', 'hold', 'release']);
  });

  it('offers four-eyes approval to a supervisor who did not confirm, never to the confirmer', () => {
    const mine = states.find((s) => s.name === 'awaiting_approval, confirmed by me')!.state;
    const theirs = states.find((s) => s.name === 'awaiting_approval, confirmed by another')!.state;
    expect(availableActions(mine, { userId: me, role: 'supervisor' }, now)).toEqual(['reopen']);
    expect(availableActions(theirs, { userId: me, role: 'supervisor' }, now)).toEqual(['approve', 'reopen']);
    expect(availableActions(theirs, { userId: me, role: 'reviewer' }, now)).toEqual([]);
  });

  it('lets only supervisors and central reviewers take an escalated item', () => {
    const escalated = states.find((s) => s.name === 'escalated, escalated')!.state;
    expect(availableActions(escalated, { userId: me, role: 'reviewer' }, now)).toEqual([]);
    expect(availableActions(escalated, { userId: me, role: 'central_reviewer' }, now)).toEqual(['claim']);
    expect(availableActions(escalated, { userId: me, role: 'analyst' }, now)).toEqual([]);
  });
});
