import type { Role } from './domain.js';

/**
 * What each role may do, in one table: the review service checks it on every route, and the
 * review state machine's `availableActions` offers only what the role may do. Which items a
 * person may do it to is the scope's business (the agency's own, or all for central reviewers).
 */
export type Permission =
  /** Work the queue: claim, confirm, dismiss, escalate, hold, release, bulk dismiss, retry a delivery. */
  | 'review'
  /** Take an escalated item (escalation goes up, not sideways). */
  | 'claim_escalated'
  /** The second pair of eyes before forwarding, where the agency requires it. */
  | 'approve'
  /** Send a decided item back to the queue. */
  | 'reopen'
  /** Users, agencies' settings, status rebuild. */
  | 'administer'
  /** File a report of a post seen on a platform Netra cannot poll (POST /api/reports). */
  | 'report'
  /** Link a report no registered account matched to a civil servant, or reject it. */
  | 'triage_reports';

const grants: Record<Role, readonly Permission[]> = {
  reviewer: ['review', 'report'],
  supervisor: ['review', 'claim_escalated', 'approve', 'reopen', 'report'],
  // Unlinked reports belong to no agency yet: only those who see every agency triage them.
  central_reviewer: ['review', 'claim_escalated', 'approve', 'reopen', 'report', 'triage_reports'],
  analyst: [],
  admin: ['administer'],
};

export function roleMay(role: Role, permission: Permission): boolean {
  return grants[role].includes(permission);
}
