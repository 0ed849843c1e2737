import type { SimStatus } from '../world/types.js';
import type { World } from '../world/world.js';

/** What Mastodon serves an unauthenticated client for statuses/:id/context (StatusesController). */
export const ancestorsLimit = 40;
export const descendantsLimit = 60;
export const descendantsDepthLimit = 20;

/** The chain of parents, root first. */
export function ancestorsOf(world: World, status: SimStatus): SimStatus[] {
  const chain: SimStatus[] = [];
  let parentId = status.inReplyToId;
  while (parentId && chain.length < ancestorsLimit) {
    const parent = world.status(parentId);
    if (!parent) break;
    chain.unshift(parent);
    parentId = parent.inReplyToId;
  }
  return chain;
}

/** Replies and replies to replies, depth-first in thread order, capped like Mastodon's. */
export function descendantsOf(world: World, status: SimStatus): SimStatus[] {
  const found: SimStatus[] = [];
  const visit = (parentId: string, depth: number) => {
    if (depth > descendantsDepthLimit) return;
    const oldestFirst = [...world.repliesTo(parentId)].reverse();
    for (const reply of oldestFirst) {
      if (found.length >= descendantsLimit) return;
      found.push(reply);
      visit(reply.id, depth + 1);
    }
  };
  visit(status.id, 1);
  return found;
}
