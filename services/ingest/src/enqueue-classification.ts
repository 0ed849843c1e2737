import { MAX_CLASSIFY_BATCH } from '@netra/queue';
import type { IngestDeps } from './deps.js';

/**
 * Hands captured subjects to the classifier, as few batch jobs as fit: one read and one
 * transaction per batch on the classifier's side. Classifying a subject twice stores nothing
 * twice; one lost before it is classified is found again by the scheduler's reconciler.
 */
export async function enqueueClassification(deps: IngestDeps, subjects: { postIds: readonly string[]; engagementIds: readonly string[] }): Promise<void> {
  const batches: { postIds: string[]; engagementIds: string[] }[] = [];
  const postIds = [...new Set(subjects.postIds)];
  const engagementIds = [...new Set(subjects.engagementIds)];
  for (let i = 0; i < Math.max(postIds.length, engagementIds.length); i += MAX_CLASSIFY_BATCH) {
    batches.push({ postIds: postIds.slice(i, i + MAX_CLASSIFY_BATCH), engagementIds: engagementIds.slice(i, i + MAX_CLASSIFY_BATCH) });
  }
  await deps.queues.enqueueMany('classify-batch', batches);
}
