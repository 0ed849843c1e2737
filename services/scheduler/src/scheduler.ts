import type { Logger } from '@netra/core';
import type { DueAccount, SocialAccountRepository } from '@netra/db';
import type { Queues } from '@netra/queue';

export interface SchedulerOptions {
  accounts: SocialAccountRepository;
  queues: Queues;
  logger: Logger;
  /** How far a polled account's next poll is pushed out. */
  pollIntervalSeconds: number;
  /** Accounts claimed per transaction: bounds memory however many accounts are registered. */
  batchSize?: number;
}

/**
 * One scheduling round: enqueue every account that is due, batch by batch, until none is.
 * A civil servant's account gets a poll of its own posts; a candidate's account is watched for
 * who likes, shares and replies to its posts.
 */
export async function scheduleDueAccounts(options: SchedulerOptions): Promise<{ polls: number; watches: number }> {
  const { accounts, queues, pollIntervalSeconds, batchSize = 1_000 } = options;
  let polls = 0;
  let watches = 0;
  const enqueue = async (due: DueAccount[]) => {
    const own = due.filter((a) => a.owner === 'civil_servant').map((a) => ({ accountId: a.id }));
    const watched = due.filter((a) => a.owner === 'candidate').map((a) => ({ accountId: a.id }));
    await queues.enqueueMany('poll-account', own);
    await queues.enqueueMany('watch-account', watched);
    polls += own.length;
    watches += watched.length;
  };
  for (;;) {
    const claimed = await accounts.claimDue(batchSize, pollIntervalSeconds, enqueue);
    if (claimed.length < batchSize) break;
  }
  if (polls + watches > 0) options.logger.info({ polls, watches }, 'scheduled due accounts');
  return { polls, watches };
}

/** Runs a round now and then every `intervalMs`, never two rounds at once. */
export function startScheduler(options: SchedulerOptions & { intervalMs: number }): { close(): Promise<void> } {
  let running: Promise<unknown> = Promise.resolve();
  const tick = () => {
    running = scheduleDueAccounts(options).catch((error: unknown) =>
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
