import type { StoredPost } from '@netra/db';
import type { IngestDeps } from './deps.js';

/**
 * Hands posts that listed new images to the media worker, one deduplicated job per post. A job
 * lost before it runs is found again by the scheduler's reconciler (images still pending).
 */
export async function enqueueMediaReads(deps: IngestDeps, stored: readonly StoredPost[]): Promise<void> {
  const postIds = [...new Set(stored.filter((post) => post.newMedia).map((post) => post.id))];
  await deps.queues.enqueueMany('read-media', postIds.map((postId) => ({ postId })));
}
