import type { Worker } from 'bullmq';
import type { Logger } from '@netra/core';
import { MediaRepository, ReportRepository, UnclassifiedSubjectRepository, type Db, type SocialAccountRepository } from '@netra/db';
import { buildClassifyDeps, startClassifyWorker } from '@netra/classifier-worker';
import { buildIngestDeps, startIngestWorkers } from '@netra/ingest';
import { buildCaptureDeps, buildMediaDeps, startCaptureWorker, startMediaWorker } from '@netra/media-worker';
import { createQueues, ingestQueueNames, RedisEpoch, type Queues, type Redis } from '@netra/queue';
import { scheduleRound, type SchedulerOptions } from '@netra/scheduler';
import { waitUntilDrained } from './drain.js';

export interface Pipeline {
  queues: Queues;
  accounts: SocialAccountRepository;
  workers: Worker[];
  /** What a scheduler of this pipeline needs (the demo runs one on a timer). */
  scheduler: SchedulerOptions;
  /** One scheduling round over every due account and post, then wait until ingest and classification are done. */
  runRound(timeoutMs?: number): Promise<void>;
  /** Closes workers, then queues (connections stay with the caller). */
  close(): Promise<void>;
}

/** The sim serves all three platforms' APIs at one address; it accepts any X bearer token. */
const simBearerToken = 'sim-platform-accepts-any-token';

/** Ingest (one worker per platform), media and classification workers on one Redis prefix, wired as the standalone services are. */
export async function startPipeline(options: {
  db: Db;
  redis: Redis;
  redisPrefix: string;
  platformBaseUrl: string;
  mediaDir: string;
  logger: Logger;
}): Promise<Pipeline> {
  const simHost = new URL(options.platformBaseUrl).host;
  const { db, redis, redisPrefix, logger } = options;
  const queues = createQueues(redis, redisPrefix);
  const baseUrl = options.platformBaseUrl;
  const pollIntervalSeconds = 900;
  const ingest = buildIngestDeps({
    db,
    redis,
    redisPrefix,
    queues,
    endpoints: { mastodon: { baseUrl }, bluesky: { baseUrl }, x: { baseUrl, bearerToken: simBearerToken } },
    logger,
    pollIntervalSeconds,
  });
  const workerOptions = { connection: redis, prefix: redisPrefix };
  const workers: Worker[] = [
    ...startIngestWorkers(ingest, { ...workerOptions, concurrency: 8 }),
    startClassifyWorker(await buildClassifyDeps(db, logger), workerOptions),
  ];
  const media = buildMediaDeps({ db, queues, logger, store: options.mediaDir, apiBaseUrls: { mastodon: baseUrl, bluesky: baseUrl, x: baseUrl } });
  // Reported links open in Chromium; the sim stands in for TikTok (see demo-world/reported-pages.ts), on this machine.
  const capture = buildCaptureDeps(media, { db, chromiumPath: '/usr/bin/chromium', outbound: { allowed: ['127.0.0.1', '::1'] }, hostResolverRules: `MAP www.tiktok.com ${simHost}` });
  workers.push(startMediaWorker(media, workerOptions), startCaptureWorker(capture, workerOptions));
  const scheduler: SchedulerOptions = {
    accounts: ingest.accounts,
    watchedPosts: ingest.watchedPosts,
    queues,
    parking: ingest.parking,
    unclassified: new UnclassifiedSubjectRepository(db),
    media: new MediaRepository(db),
    reports: new ReportRepository(db),
    epoch: new RedisEpoch(redis, redisPrefix),
    logger,
    pollIntervalSeconds,
  };
  return {
    queues,
    accounts: ingest.accounts,
    workers,
    scheduler,
    async runRound(timeoutMs = 5 * 60_000) {
      await scheduleRound(scheduler);
      await waitUntilDrained(queues, [...ingestQueueNames, 'reports', 'media', 'classify'], timeoutMs);
    },
    async close() {
      await Promise.all(workers.map((w) => w.close()));
      await capture.browser.close();
      await queues.close();
    },
  };
}
