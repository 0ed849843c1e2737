import type { Worker } from 'bullmq';
import type { Logger } from '@netra/core';
import { createMastodonConnector } from '@netra/connectors';
import { ActivityRepository, SocialAccountRepository, type Db } from '@netra/db';
import { buildClassifyDeps, startClassifyWorker } from '@netra/classifier-worker';
import { startIngestWorker } from '@netra/ingest';
import { createQueues, type Queues, type Redis } from '@netra/queue';
import { scheduleDueAccounts } from '@netra/scheduler';
import { waitUntilDrained } from './drain.js';

export interface Pipeline {
  queues: Queues;
  accounts: SocialAccountRepository;
  workers: Worker[];
  /** One scheduling round over every due account, then wait until ingest and classification are done. */
  runRound(timeoutMs?: number): Promise<void>;
  /** Closes workers, then queues (connections stay with the caller). */
  close(): Promise<void>;
}

/** Ingest and classification workers on one Redis prefix, wired as the standalone services are. */
export async function startPipeline(options: {
  db: Db;
  redis: Redis;
  redisPrefix: string;
  platformBaseUrl: string;
  logger: Logger;
}): Promise<Pipeline> {
  const { db, redis, redisPrefix, logger } = options;
  const queues = createQueues(redis, redisPrefix);
  const accounts = new SocialAccountRepository(db);
  const workerOptions = { connection: redis, prefix: redisPrefix };
  const workers = [
    startIngestWorker(
      {
        connector: createMastodonConnector({ baseUrl: options.platformBaseUrl }),
        accounts,
        activity: new ActivityRepository(db),
        queues,
        logger,
      },
      { ...workerOptions, concurrency: 8 },
    ),
    startClassifyWorker(await buildClassifyDeps(db, logger), workerOptions),
  ];
  return {
    queues,
    accounts,
    workers,
    async runRound(timeoutMs = 5 * 60_000) {
      await scheduleDueAccounts({ accounts, queues, logger, pollIntervalSeconds: 900 });
      await waitUntilDrained(queues, ['ingest', 'classify'], timeoutMs);
    },
    async close() {
      await Promise.all(workers.map((w) => w.close()));
      await queues.close();
    },
  };
}
