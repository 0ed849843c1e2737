import type { Role } from '@netra/core';

/**
 * What statistics a viewer may see (invariant 4 for analysts): agency-scoped roles count only
 * their own agency; central roles count every agency. No statistic ever names or identifies a
 * civil servant; reviewer names appear only to those who supervise reviewers.
 */
export interface StatsScope {
  /** null: every agency. */
  agencyId: number | null;
  showReviewerNames: boolean;
}

export function statsScopeOf(viewer: { role: Role; agencyId: number | null }): StatsScope {
  switch (viewer.role) {
    case 'reviewer':
    case 'supervisor':
      // Agency-scoped by definition; a missing agency narrows to nothing rather than widening.
      return { agencyId: viewer.agencyId ?? -1, showReviewerNames: viewer.role === 'supervisor' };
    case 'analyst':
      // An analyst of an agency (its inspectorate, say) sees that agency; BKN and Bawaslu analysts have none.
      return { agencyId: viewer.agencyId, showReviewerNames: false };
    case 'central_reviewer':
      return { agencyId: null, showReviewerNames: false };
    case 'admin':
      return { agencyId: null, showReviewerNames: true };
  }
}

/** For the command line, run by an operator on the database itself. */
export const unrestrictedScope: StatsScope = { agencyId: null, showReviewerNames: true };
