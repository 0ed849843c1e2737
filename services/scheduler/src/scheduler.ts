import { platforms as allPlatforms, type Logger, type Platform } from '@netra/core';
import type { DueAccount, SocialAccountRepository, WatchedPostRepository } from '@netra/db';
import { physicalQueueName, type PlatformParking, type Queues } from '@netra/queue';

export interface SchedulerOptions {
  accounts: SocialAccountRepository;
  watchedPosts: WatchedPostRepository;
  queues: Queues;
  parking: PlatformParking;
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
  polls: number;
  watches: number;
  checks: number;
  /** Flagged posts newly put under watch for deletion. */
  enrolled: number;
  /** Platforms skipped this round: parked (cap spent) or with a full queue. */
  skipped: Platform[];
}

/** A watched post's check is enqueued with this lease; the check sets the real next time. */
const checkLeaseSeconds = 600;

/**
 * One scheduling round. Per platform, batch by batch until nothing is due: a civil servant's
 * account gets a poll of its own posts, a candidate's account a watch of its recent posts, a due
 * watched post a check. Only the claimed ids of one batch are ever in memory.
 */
export async function scheduleRound(options: SchedulerOptions): Promise<RoundResult> {
  const { accounts, watchedPosts, queues, batchSize = 1_000, maxBacklog = 250_000, claimers = 3 } = options;
  const result: RoundResult = { polls: 0, watches: 0, checks: 0, enrolled: 0, skipped: [] };
  const parked = await options.parking.resumeDue();
  result.enrolled = await watchedPosts.enrolFlagged(batchSize);

  const enqueueAccounts = (platform: Platform) => async (due: DueAccount[]) => {
    const jobs = (owner: DueAccount['owner']) => due.filter((a) => a.owner === owner).map((a) => ({ platform, accountId: a.id }));
    const polls = jobs('civil_servant');
    const watches = jobs('candidate');
    await queues.enqueueMany('poll-account', polls);
    await queues.enqueueMany('watch-account', watches);
    result.polls += polls.length;
    result.watches += watches.length;
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
      const claimed = await watchedPosts.claimDue(platform, limit, checkLeaseSeconds, (postIds) =>
        queues.enqueueMany('check-post', postIds.map((postId) => ({ platform, postId }))),
      );
      result.checks += claimed.length;
      return claimed.length;
    });
  }
  if (result.polls + result.watches + result.checks > 0 || result.skipped.length > 0) options.logger.info(result, 'scheduling round');
  return result;
}

async function backlogOf(queues: Queues, platform: Platform): Promise<number> {
  const counts = await queues.queue(physicalQueueName('ingest', platform)).getJobCounts('wait', 'prioritized', 'delayed');
  return Object.values(counts).reduce((sum, n) => sum + n, 0);
}

/** Runs a round now and then every `intervalMs`, never two rounds at once. */
export function startScheduler(options: SchedulerOptions & { intervalMs: number }): { close(): Promise<void> } {
  let running: Promise<unknown> = Promise.resolve();
  const tick = () => {
    running = scheduleRound(options).catch((error: unknown) =>
      options.logger.error({ err: error }, 'scheduling round failed; will retry next round'),
    );
  };
  tick();
  const timer = setInterval(() => {
    void running.then(tick);
  }, options.intervalMs);
  return {
    async close() {
      clearInterval(timer);
      await running;
    },
  };
}
