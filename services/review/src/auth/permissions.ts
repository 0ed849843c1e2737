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
  | 'administer';

const grants: Record<Role, readonly Permission[]> = {
  reviewer: ['review'],
  supervisor: ['review', 'claim_escalated', 'approve', 'reopen'],
  central_reviewer: ['review', 'claim_escalated', 'approve', 'reopen'],
  analyst: [],
  admin: ['administer'],
};

export function can(viewer: Viewer, permission: Permission): boolean {
  return grants[viewer.role].includes(permission);
}

export function requirePermission(viewer: Viewer, permission: Permission, action: string): void {
  if (!can(viewer, permission)) throw forbiddenAction(viewer.role, action);
}
