import type { Viewer } from '../auth/sessions.js';
import type { ReviewContext } from '../context.js';
import { loadItemDetail, loadItemWorkspace, type ItemWorkspace, type ReviewItemDetail } from './detail.js';
import { itemScopeOf } from './scope.js';

/** How long a view counts as "also viewing" for the hint on the item page. */
export const VIEWING_WINDOW_SECONDS = 5 * 60;

/**
 * Opens a case for a person: the item if their scope lets them see it (null otherwise, exactly
 * as if it did not exist), what surrounds it, and the read audit entry saying they opened it.
 */
export async function openItem(
  ctx: ReviewContext,
  viewer: Viewer,
  itemId: string,
  now: Date,
): Promise<{ item: ReviewItemDetail; workspace: ItemWorkspace } | null> {
  const scope = itemScopeOf(viewer);
  const item = await loadItemDetail(ctx.db, scope, itemId);
  if (!item) return null;
  await ctx.caseViews.record(item.id, viewer.userId);
  return { item, workspace: await loadItemWorkspace(ctx.db, scope, viewer, item, now) };
}
