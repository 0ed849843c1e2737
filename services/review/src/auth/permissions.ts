import { roleMay, type Permission } from '@netra/core';
import { forbiddenAction } from '../errors.js';
import type { Viewer } from './sessions.js';

/** Whether the viewer's role may do this (packages/core/src/permissions.ts has the table). */
export function can(viewer: Viewer, permission: Permission): boolean {
  return roleMay(viewer.role, permission);
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
