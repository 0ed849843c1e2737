import type { Logger } from '@netra/core';
import { ActivityRepository, RawPageRepository, SocialAccountRepository, WatchedPostRepository, type Db } from '@netra/db';
import { PlatformParking, type Queues, type Redis } from '@netra/queue';
import { ConnectorPool, type PlatformEndpoints } from './connector-pool.js';
import type { IngestDeps } from './deps.js';
import { HostGovernor } from './host-governor.js';

/** Wires the ingest handlers' dependencies the same way for the service, the demo and tests. */
export function buildIngestDeps(options: {
  db: Db;
  redis: Redis;
  redisPrefix: string;
  queues: Queues;
  endpoints: PlatformEndpoints;
  logger: Logger;
  pollIntervalSeconds: number;
  timeoutMs?: number;
}): IngestDeps {
  return {
    connectors: new ConnectorPool(options.endpoints, options.timeoutMs),
    accounts: new SocialAccountRepository(options.db),
    activity: new ActivityRepository(options.db),
    rawPages: new RawPageRepository(),
    watchedPosts: new WatchedPostRepository(options.db),
    queues: options.queues,
    governor: new HostGovernor(options.redis, options.redisPrefix),
    parking: new PlatformParking(options.redis, options.queues, options.redisPrefix),
    logger: options.logger,
    pollIntervalSeconds: options.pollIntervalSeconds,
  };
}
