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
  /** Show counts of 1-4 as "<5" (SMALL_CELL_THRESHOLD): for those who cannot see the cases. */
  suppressSmallCells: boolean;
}

export function statsScopeOf(viewer: { role: Role; agencyId: number | null }): StatsScope {
  switch (viewer.role) {
    case 'reviewer':
    case 'supervisor':
      // Agency-scoped by definition; a missing agency narrows to nothing rather than widening.
      return { agencyId: viewer.agencyId ?? -1, showReviewerNames: viewer.role === 'supervisor', suppressSmallCells: false };
    case 'analyst':
      // An analyst of an agency (its inspectorate, say) sees that agency; BKN and Bawaslu analysts have none.
      return { agencyId: viewer.agencyId, showReviewerNames: false, suppressSmallCells: true };
    case 'central_reviewer':
      return { agencyId: null, showReviewerNames: false, suppressSmallCells: false };
    case 'admin':
      return { agencyId: null, showReviewerNames: true, suppressSmallCells: false };
  }
}

/** For the command line, run by an operator on the database itself. */
export const unrestrictedScope: StatsScope = { agencyId: null, showReviewerNames: true, suppressSmallCells: false };
