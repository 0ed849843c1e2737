import type { Logger } from '@netra/core';
import type { ActivityRepository, SocialAccountRepository } from '@netra/db';
import type { PlatformConnector } from '@netra/connectors';
import type { Queues } from '@netra/queue';

/** What the ingest handlers need; built once by the service (or the demo, or a test). */
export interface IngestDeps {
  connector: PlatformConnector;
  accounts: SocialAccountRepository;
  activity: ActivityRepository;
  queues: Queues;
  logger: Logger;
}
