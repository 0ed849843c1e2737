import { MAX_CLASSIFY_BATCH } from './jobs.js';
import type { Queues } from './queues.js';

/**
 * Hands subjects to the classifier, as few classify-batch jobs as fit: one read and one
 * transaction per batch on the classifier's side. Classifying a subject twice stores nothing
 * twice; one lost before it is classified is found again by the scheduler's reconciler.
 */
export async function enqueueClassifyBatches(queues: Queues, subjects: { postIds: readonly string[]; engagementIds: readonly string[] }): Promise<void> {
  const batches: { postIds: string[]; engagementIds: string[] }[] = [];
  const postIds = [...new Set(subjects.postIds)];
  const engagementIds = [...new Set(subjects.engagementIds)];
  for (let i = 0; i < Math.max(postIds.length, engagementIds.length); i += MAX_CLASSIFY_BATCH) {
    batches.push({ postIds: postIds.slice(i, i + MAX_CLASSIFY_BATCH), engagementIds: engagementIds.slice(i, i + MAX_CLASSIFY_BATCH) });
  }
  await queues.enqueueMany('classify-batch', batches);
}
