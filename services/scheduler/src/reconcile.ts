import type { Logger } from '@netra/core';
import type { SocialAccountRepository, UnclassifiedSubjectRepository } from '@netra/db';
import type { Queues, RedisEpoch } from '@netra/queue';

export interface ReconcileDeps {
  accounts: SocialAccountRepository;
  unclassified: UnclassifiedSubjectRepository;
  epoch: RedisEpoch;
  queues: Queues;
  logger: Logger;
}

export interface ReconcileResult {
  /** Accounts made due again because Redis lost their poll jobs. */
  accountsReleased: number;
  /** Classify jobs added for subjects stored but never classified. */
  classifyJobs: number;
}

/**
 * Re-derives from Postgres the work that Redis only held in flight, so losing Redis loses
 * nothing: accounts claimed for a poll that never ran, and subjects stored but never
 * classified. Work still queued is deduplicated, so re-enqueueing it is harmless.
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
  if (classifyJobs > 0) deps.logger.warn({ classifyJobs }, 'subjects stored but never classified: classify jobs queued again');
  return { accountsReleased, classifyJobs };
}

async function oldestWaitingMs(queues: Queues): Promise<number> {
  const [oldest] = await queues.queue('classify').getJobs(['waiting', 'prioritized'], 0, 0, true);
  return oldest ? Math.max(0, Date.now() - oldest.timestamp) : 0;
}
