import type { Job } from 'bullmq';
import type { MediaObjectFacts, PendingMedia, PostAwaitingMedia } from '@netra/db';
import { UnacceptableImage } from '@netra/media';
import { enqueueClassifyBatches, isLastAttempt, type JobPayload } from '@netra/queue';
import type { MediaDeps } from './deps.js';
import { MediaFetchProblem } from './fetch-image.js';
import { keepAndRead } from './read-image.js';

type Outcome = { state: 'stored' } | { state: 'refused' | 'failed' | 'retry'; reason: string };

/**
 * Fetches a post's images still pending, keeps each file in the media store by its SHA-256,
 * reads it once (perceptual hash, OCR) and records it; then a civil servant's post is classified
 * again with the words its images show. An image that cannot be what we accept is refused for
 * good; one that failed for a passing reason is tried again with the job, and marked failed
 * after the last attempt. Images stored in an earlier attempt are not fetched again.
 */
export function readMediaHandler(deps: MediaDeps) {
  return async ({ postId }: JobPayload<'read-media'>, job: Job): Promise<void> => {
    const post = await deps.media.awaiting(postId);
    if (!post || post.pending.length === 0) return;
    const lastAttempt = isLastAttempt(job);
    let stored = 0;
    const passing: string[] = [];
    for (const image of post.pending) {
      const outcome = await readOne(deps, post, image);
      if (outcome.state === 'stored') {
        stored++;
        continue;
      }
      if (outcome.state === 'retry') passing.push(outcome.reason);
      const state = outcome.state === 'retry' ? (lastAttempt ? 'failed' : 'pending') : outcome.state;
      await deps.media.recordProblem(postId, image.position, state, outcome.reason);
    }
    // Not deduplicated: a classify job of this post already running read it without these images.
    // A campaign's new image may be the original of photos civil servants posted earlier.
    const reclassify = stored === 0 ? [] : [...(post.isSubject ? [postId] : []), ...(post.isCampaign ? await deps.media.subjectsShowingImagesOf(postId) : [])];
    await enqueueClassifyBatches(deps.queues, { postIds: reclassify, engagementIds: [] });
    deps.logger.info({ postId, stored, refusedOrFailed: post.pending.length - stored - passing.length, retrying: lastAttempt ? 0 : passing.length }, 'post media read');
    if (passing.length > 0 && !lastAttempt) throw new Error(`media of post ${postId}: ${passing.join('; ')}`);
  };
}

async function readOne(deps: MediaDeps, post: PostAwaitingMedia, image: PendingMedia): Promise<Outcome> {
  const apiBaseUrl = post.accountBaseUrl ?? deps.apiBaseUrls[post.platform];
  if (!apiBaseUrl) return { state: 'refused', reason: `platform ${post.platform} tidak dikonfigurasi di layanan media` };
  let bytes: Buffer;
  try {
    bytes = await deps.fetcher.fetch(image.sourceUrl, { platform: post.platform, apiBaseUrl, postUrl: post.postUrl, extraHosts: deps.extraHosts });
  } catch (error) {
    if (!(error instanceof MediaFetchProblem)) throw error;
    return error.outcome === 'retry' ? { state: 'retry', reason: error.message } : { state: error.outcome === 'gone' ? 'failed' : 'refused', reason: error.message };
  }
  let read: MediaObjectFacts;
  try {
    read = await keepAndRead(deps, bytes);
  } catch (error) {
    if (error instanceof UnacceptableImage) return { state: 'refused', reason: `berkas ditolak: ${error.message}` };
    return { state: 'retry', reason: `gagal membaca gambar: ${(error as Error).message}` };
  }
  await deps.media.recordStored(post.postId, image.position, read);
  return { state: 'stored' };
}
