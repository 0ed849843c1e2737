import { platforms as allPlatforms, startLoop, type Closeable, type Logger, type Platform } from '@netra/core';
import type { DueAccount, MediaRepository, ReportRepository, SocialAccountRepository, UnclassifiedSubjectRepository, WatchedPostRepository } from '@netra/db';
import { metrics } from '@netra/observability';
import { physicalQueueName, type PlatformParking, type Queues, type RedisEpoch } from '@netra/queue';
import { reconcile, type ReconcileResult } from './reconcile.js';

export interface SchedulerOptions {
  accounts: SocialAccountRepository;
  watchedPosts: WatchedPostRepository;
  queues: Queues;
  parking: PlatformParking;
  unclassified: UnclassifiedSubjectRepository;
  media: MediaRepository;
  reports: ReportRepository;
  epoch: RedisEpoch;
  logger: Logger;
  /** The default poll interval; an account's own adaptive interval wins when it has one. */
  pollIntervalSeconds: number;
  /** Rows claimed per transaction: bounds memory however many accounts are registered. */
  batchSize?: number;
  /**
   * Most jobs waiting in one platform's queue: past it, that platform's due accounts stay due
   * (most overdue first next round) rather than piling up in Redis while its rate limit holds
   * the workers back.
   */
  maxBacklog?: number;
  platforms?: readonly Platform[];
  /** Batches claimed concurrently per platform. */
  claimers?: number;
}

export interface RoundResult {
  /** Jobs actually added this round; work still queued from before is not counted again. */
  polls: number;
  watches: number;
  checks: number;
  /** Due accounts and watched posts claimed this round (some may still have had a job queued). */
  claimed: number;
  /** Flagged posts newly put under watch for deletion. */
  enrolled: number;
  /** Platforms skipped this round: parked (cap spent) or with a full queue. */
  skipped: Platform[];
  reconciled: ReconcileResult;
}

/** The longest interval an account may have: the adaptive interval's cap (4x) plus jitter. */
const longestIntervalFactor = 4 * 1.1;

/** A watched post's check is enqueued with this lease; the check sets the real next time. */
const checkLeaseSeconds = 600;

/**
 * One scheduling round. Per platform, batch by batch until nothing is due: a civil servant's
 * account gets a poll of its own posts, a candidate's account a watch of its recent posts, a due
 * watched post a check. Only the claimed ids of one batch are ever in memory.
 */
export async function scheduleRound(options: SchedulerOptions): Promise<RoundResult> {
  const { accounts, watchedPosts, queues, batchSize = 1_000, maxBacklog = 250_000, claimers = 3 } = options;
  const result: RoundResult = { polls: 0, watches: 0, checks: 0, claimed: 0, enrolled: 0, skipped: [], reconciled: { accountsReleased: 0, classifyJobs: 0, mediaJobs: 0, captureJobs: 0 } };
  // First, so accounts whose poll jobs Redis lost are due in this very round.
  result.reconciled = await reconcile(options);
  const parked = await options.parking.resumeDue();
  result.enrolled = await watchedPosts.enrolFlagged(batchSize);

  const enqueueAccounts = (platform: Platform) => async (due: DueAccount[]) => {
    const jobs = (owner: DueAccount['owner']) => due.filter((a) => a.owner === owner).map((a) => ({ platform, accountId: a.id }));
    // Await first, then add: `result.x += await …` would read the total before the wait and
    // lose what concurrent claimers added meanwhile.
    const polls = await queues.enqueueMany('poll-account', jobs('civil_servant'));
    const watches = await queues.enqueueMany('watch-account', jobs('candidate'));
    result.polls += polls;
    result.watches += watches;
    result.claimed += due.length;
  };

  for (const platform of options.platforms ?? allPlatforms) {
    if (parked.includes(platform)) {
      result.skipped.push(platform);
      continue;
    }
    let room = maxBacklog - (await backlogOf(queues, platform));
    // A few claimers at once (SKIP LOCKED keeps them apart): while one waits on Redis, another
    // runs its UPDATE in Postgres.
    const claimWhileRoom = async (claim: (limit: number) => Promise<number>) => {
      let exhausted = false;
      const claimer = async () => {
        while (room > 0 && !exhausted) {
          const limit = Math.min(batchSize, room);
          room -= limit;
          const claimed = await claim(limit);
          room += limit - claimed;
          if (claimed < limit) exhausted = true;
        }
      };
      await Promise.all(Array.from({ length: claimers }, claimer));
    };
    if (room <= 0) result.skipped.push(platform);
    await claimWhileRoom(async (limit) => (await accounts.claimDue(platform, limit, options.pollIntervalSeconds, enqueueAccounts(platform))).length);
    await claimWhileRoom(async (limit) => {
      const claimed = await watchedPosts.claimDue(platform, limit, checkLeaseSeconds, async (postIds) => {
        const checks = await queues.enqueueMany('check-post', postIds.map((postId) => ({ platform, postId })));
        result.checks += checks;
      });
      result.claimed += claimed.length;
      return claimed.length;
    });
  }
  await recordStaleness(options);
  metrics.schedulerJobsAdded.inc({ job: 'poll-account', source: 'due' }, result.polls);
  metrics.schedulerJobsAdded.inc({ job: 'watch-account', source: 'due' }, result.watches);
  metrics.schedulerJobsAdded.inc({ job: 'check-post', source: 'due' }, result.checks);
  metrics.schedulerJobsAdded.inc({ job: 'classify', source: 'reconciled' }, result.reconciled.classifyJobs);
  metrics.schedulerJobsAdded.inc({ job: 'read-media', source: 'reconciled' }, result.reconciled.mediaJobs);
  metrics.schedulerJobsAdded.inc({ job: 'capture-report', source: 'due' }, result.reconciled.captureJobs);
  const { reconciled } = result;
  if (result.claimed + reconciled.accountsReleased + reconciled.classifyJobs + reconciled.mediaJobs + reconciled.captureJobs > 0 || result.skipped.length > 0) options.logger.info(result, 'scheduling round');
  return result;
}

/** Exports per platform how far polling has fallen behind, for the alert that fires when it stops. */
async function recordStaleness(options: SchedulerOptions): Promise<void> {
  const platforms = options.platforms ?? allPlatforms;
  const ages = await options.accounts.oldestPollAgeSeconds(platforms);
  const longest = options.pollIntervalSeconds * longestIntervalFactor;
  for (const platform of platforms) metrics.pollStaleness.set({ platform }, Math.max(0, (ages.get(platform) ?? 0) - longest));
}

async function backlogOf(queues: Queues, platform: Platform): Promise<number> {
  const counts = await queues.queue(physicalQueueName('ingest', platform)).getJobCounts('wait', 'prioritized', 'delayed');
  return Object.values(counts).reduce((sum, n) => sum + n, 0);
}

/** Runs a round now and then every `intervalMs`, never two rounds at once. */
export function startScheduler(options: SchedulerOptions & { intervalMs: number }): Closeable {
  return startLoop({ name: 'scheduling', intervalMs: options.intervalMs, logger: options.logger, round: () => scheduleRound(options) });
}
