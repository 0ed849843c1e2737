import type { IngestDeps } from './deps.js';

/** Hands captured subjects to the classifier. Job ids are per subject, so repeats are no-ops. */
export async function enqueueClassification(
  deps: IngestDeps,
  subjects: { postIds: string[]; engagementIds: string[] },
): Promise<void> {
  await deps.queues.enqueueMany('classify-post', subjects.postIds.map((postId) => ({ postId })));
  await deps.queues.enqueueMany('classify-engagement', subjects.engagementIds.map((engagementId) => ({ engagementId })));
}
