import { z } from 'zod';
import { platforms, type Platform } from '@netra/core';

const platform = z.enum(platforms);
const accountId = z.number().int().positive();
const rowId = z.string().regex(/^\d+$/);

/** The most subjects one classify-batch job carries: a poll's worth of posts, bounded. */
export const MAX_CLASSIFY_BATCH = 500;

/**
 * Every job Netra runs: its queue and the shape of its payload. A job carries ids only;
 * Postgres holds the data, so a retried job re-reads the truth.
 */
export const jobDefinitions = {
  /** Fetch a registered civil servant's new posts (posts, replies, reposts, quotes). */
  'poll-account': { queue: 'ingest', payload: z.object({ platform, accountId }) },
  /** Fetch a candidate's or party's recent posts and put the new ones under watch. */
  'watch-account': { queue: 'ingest', payload: z.object({ platform, accountId }) },
  /** Re-check a watched post: still there? edited? who liked, shared, replied (for a candidate's)? */
  'check-post': { queue: 'ingest', payload: z.object({ platform, postId: z.string().regex(/^\d+$/) }) },
  'classify-post': {
    queue: 'classify',
    payload: z.object({
      postId: z.string().regex(/^\d+$/),
      /**
       * Set when a reply is re-classified because its parent became known (a comment engagement):
       * a distinct job id, so it is not dropped while the first classification is still running.
       */
      contextEngagementId: z.string().regex(/^\d+$/).optional(),
    }),
  },
  'classify-engagement': { queue: 'classify', payload: z.object({ engagementId: z.string().regex(/^\d+$/) }) },
  /**
   * Many subjects at once, as ingest stores them (a poll's new posts and shares): one job, one
   * read and one transaction for all, instead of a job and several round trips each. Not
   * deduplicated (its subjects are); classifying a subject twice stores nothing twice.
   */
  'classify-batch': {
    queue: 'classify',
    deduplicate: false,
    payload: z.object({ postIds: z.array(rowId).max(MAX_CLASSIFY_BATCH), engagementIds: z.array(rowId).max(MAX_CLASSIFY_BATCH) }),
  },
  /**
   * Fetch a stored post's images not fetched yet, keep them in the media store, read them (OCR,
   * perceptual hash) and classify the post again with their words. Its own queue: downloads and
   * OCR never hold up text ingest or classification.
   */
  'read-media': { queue: 'media', payload: z.object({ postId: rowId }) },
  /**
   * Open a reported URL in headless Chromium, keep its screenshot and HTML, read the screenshot
   * and any upload, and link the report to the registered civil servant it is about (then it is
   * classified and queued as a post). Queued by the scheduler for every report still 'received'.
   */
  'capture-report': { queue: 'reports', payload: z.object({ reportId: rowId }) },
} as const;

export type JobName = keyof typeof jobDefinitions;
export type QueueName = (typeof jobDefinitions)[JobName]['queue'];
export type JobPayload<N extends JobName> = z.output<(typeof jobDefinitions)[N]['payload']>;
export type JobsOfQueue<Q extends QueueName> = {
  [N in JobName]: (typeof jobDefinitions)[N]['queue'] extends Q ? N : never;
}[JobName];

/**
 * Ingest runs on one BullMQ queue per platform ('ingest-mastodon', 'ingest-bluesky', 'ingest-x'):
 * a platform's 429 or spent cap pauses its own queue only. An ingest job's `platform` routes it.
 */
export type PhysicalQueueName = Exclude<QueueName, 'ingest'> | `ingest-${Platform}`;

export function physicalQueueName(queue: QueueName, partition?: Platform): PhysicalQueueName {
  if (queue !== 'ingest') return queue;
  if (!partition) throw new Error('the ingest queue is split per platform: name the platform');
  return `ingest-${partition}`;
}

export function queueOfJob<N extends JobName>(name: N, payload: JobPayload<N>): PhysicalQueueName {
  return physicalQueueName(jobDefinitions[name].queue, (payload as { platform?: Platform }).platform);
}

export const ingestQueueNames: readonly PhysicalQueueName[] = platforms.map((p) => physicalQueueName('ingest', p));
/** Every BullMQ queue Netra runs. */
export const queueNames: readonly PhysicalQueueName[] = [
  ...new Set(Object.values(jobDefinitions).flatMap((d): PhysicalQueueName[] => (d.queue === 'ingest' ? [...ingestQueueNames] : [d.queue]))),
];

/**
 * A deterministic key per job subject: enqueueing the same work again while it waits or runs is
 * a no-op (BullMQ deduplication). The key is released when the job completes or fails for good,
 * so a failed job never blocks the same work later, as a fixed job id kept in the failed set
 * would (for as long as failed jobs are kept). BullMQ forbids ':' in ids.
 */
export function isDeduplicated(name: JobName): boolean {
  return (jobDefinitions[name] as { deduplicate?: boolean }).deduplicate !== false;
}

export function deduplicationKeyFor<N extends JobName>(name: N, payload: JobPayload<N>): string {
  // The platform only routes a job; its subject (an account or post id) already names it.
  const subject = Object.entries(payload).filter(([key]) => key !== 'platform');
  return `${name}-${subject.map(([, value]) => String(value)).join('-')}`;
}
