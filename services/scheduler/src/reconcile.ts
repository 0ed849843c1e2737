import type { Logger } from '@netra/core';
import { MIN_RECONCILE_GRACE_SECONDS, type MediaRepository, type ReportRepository, type SocialAccountRepository, type UnclassifiedSubjectRepository } from '@netra/db';
import type { Queues, RedisEpoch } from '@netra/queue';

export interface ReconcileDeps {
  accounts: SocialAccountRepository;
  unclassified: UnclassifiedSubjectRepository;
  media: MediaRepository;
  reports: ReportRepository;
  epoch: RedisEpoch;
  queues: Queues;
  logger: Logger;
}

export interface ReconcileResult {
  /** Accounts made due again because Redis lost their poll jobs. */
  accountsReleased: number;
  /** Classify jobs added for subjects stored but never classified (or not since their images were read). */
  classifyJobs: number;
  /** read-media jobs added for posts whose images were listed but never fetched. */
  mediaJobs: number;
  /** capture-report jobs added for reports not captured yet (the usual way reports are queued). */
  captureJobs: number;
}

/**
 * Re-derives from Postgres the work that Redis only held in flight, so losing Redis loses
 * nothing: accounts claimed for a poll that never ran, subjects stored but never classified,
 * images listed but never fetched, and posts not classified since their images were read. Work
 * still queued is deduplicated, so re-enqueueing it is harmless.
 */
export async function reconcile(deps: ReconcileDeps): Promise<ReconcileResult> {
  let accountsReleased = 0;
  const redisLostJobs = await deps.epoch.startedAfresh();
  if (redisLostJobs) {
    accountsReleased = await deps.accounts.releaseUnpolledClaims();
    if (accountsReleased > 0) deps.logger.warn({ accountsReleased }, 'redis lost its queued jobs: accounts claimed but not polled are due again');
  }
  // A subject stored after the oldest classify job still waiting may just not have had its turn;
  // once Redis has lost every job, none is waiting, and what is unclassified is queued at once.
  const { postIds, engagementIds } = await deps.unclassified.sweep(
    redisLostJobs ? { noGrace: true } : { graceSeconds: (await oldestWaitingMs(deps.queues)) / 1000 },
  );
  // One job per subject, deduplicated: sweeping again while they wait adds nothing.
  const classifyJobs =
    (await deps.queues.enqueueMany('classify-post', postIds.map((postId) => ({ postId })))) +
    (await deps.queues.enqueueMany('classify-engagement', engagementIds.map((engagementId) => ({ engagementId }))));
  const media = await deps.media.sweep(redisLostJobs ? 0 : MIN_RECONCILE_GRACE_SECONDS);
  const mediaJobs = await deps.queues.enqueueMany('read-media', media.toRead.map((postId) => ({ postId })));
  const reread = await deps.queues.enqueueMany('classify-post', media.toClassify.map((postId) => ({ postId })));
  if (classifyJobs + reread > 0) deps.logger.warn({ classifyJobs: classifyJobs + reread }, 'subjects stored but never classified: classify jobs queued again');
  if (mediaJobs > 0) deps.logger.warn({ mediaJobs }, 'images listed but never fetched: media jobs queued again');
  // Review takes reports without a queue of its own: every report still 'received' is queued here.
  const captureJobs = await deps.queues.enqueueMany('capture-report', (await deps.reports.waitingForCapture()).map((reportId) => ({ reportId })));
  return { accountsReleased, classifyJobs: classifyJobs + reread, mediaJobs, captureJobs };
}

async function oldestWaitingMs(queues: Queues): Promise<number> {
  const [oldest] = await queues.queue('classify').getJobs(['waiting', 'prioritized'], 0, 0, true);
  return oldest ? Math.max(0, Date.now() - oldest.timestamp) : 0;
}
