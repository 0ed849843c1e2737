import type { ItemScope } from '@netra/db';
import type { Viewer } from '../auth/sessions.js';
import { httpError } from '../errors.js';

/**
 * Which review items a viewer may see and decide (invariant 4): an agency's own neutrality team
 * sees only that agency's items; central reviewers see all. Every item query starts from
 * `visibleItems` or the queue repository, so the scope is part of the SQL itself, not a check
 * someone can forget.
 */
export { effectiveStatus, visibleItems, type ItemScope } from '@netra/db';

export function itemScopeOf(viewer: Viewer): ItemScope {
  switch (viewer.role) {
    case 'reviewer':
    case 'supervisor':
      // The database requires an agency for these roles; refuse rather than widen if it is missing.
      if (viewer.agencyId === null) throw httpError('forbiddenRole', { role: viewer.role });
      return { kind: 'agency', agencyId: viewer.agencyId };
    case 'central_reviewer':
      return { kind: 'all' };
    case 'analyst':
    case 'admin':
      throw httpError('forbiddenRole', { role: viewer.role });
  }
}

/** Ids are bigserial: anything else cannot exist, and answers 404 like an unseen item. */
export function isItemId(value: string): boolean {
  return /^[1-9][0-9]{0,17}$/.test(value);
}
