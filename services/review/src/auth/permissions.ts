import type { Role } from '@netra/core';
import { forbiddenAction } from '../errors.js';
import type { Viewer } from './sessions.js';

/**
 * What each role may do, in one table. Which items it may do it to is the scope's business
 * (review/scope.ts); both are checked on every route.
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

export function can(viewer: Viewer, permission: Permission): boolean {
  return grants[viewer.role].includes(permission);
}

export function requirePermission(viewer: Viewer, permission: Permission, action: string): void {
  if (!can(viewer, permission)) throw forbiddenAction(viewer.role, action);
}

/**
 * Where a person starts after signing in: the queue for those who review, the statistics for
 * analysts, administration for admins (none of whom may open the others' start page).
 */
export function homePageOf(viewer: Viewer): string {
  if (can(viewer, 'review')) return '/queue';
  if (can(viewer, 'administer')) return '/admin';
  return '/stats';
}
