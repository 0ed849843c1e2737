import type { Logger } from '@netra/core';
import type { ActivityRepository, RawPageRepository, SocialAccountRepository, WatchedPostRepository } from '@netra/db';
import type { PlatformParking, Queues } from '@netra/queue';
import type { ConnectorPool } from './connector-pool.js';
import type { HostGovernor } from './host-governor.js';

/** What the ingest handlers need; built once by the service (or the demo, or a test). */
export interface IngestDeps {
  connectors: ConnectorPool;
  accounts: SocialAccountRepository;
  activity: ActivityRepository;
  rawPages: RawPageRepository;
  watchedPosts: WatchedPostRepository;
  queues: Queues;
  governor: HostGovernor;
  parking: PlatformParking;
  logger: Logger;
  /** The default poll interval; adaptive intervals move around it (POLL_INTERVAL_SECONDS). */
  pollIntervalSeconds: number;
}
