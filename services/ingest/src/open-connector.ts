import type { PlatformConnector } from '@netra/connectors';
import type { IngestDeps } from './deps.js';
import type { AccountLocation } from './connector-pool.js';

/** The connector for an account's host, once that host's governor lets calls through. */
export async function openConnector(deps: IngestDeps, account: AccountLocation): Promise<PlatformConnector> {
  const connector = deps.connectors.forAccount(account);
  await deps.governor.assertOpen(account.platform, connector.host);
  return connector;
}
