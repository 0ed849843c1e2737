import { PlatformError } from '@netra/connectors';
import type { SocialAccount } from '@netra/db';
import type { IngestDeps } from './deps.js';

const accountFacts = {
  NOT_FOUND: 'not_found',
  SUSPENDED: 'suspended',
  PROTECTED: 'protected',
} as const;

/**
 * The account's stable platform id, looked up from its handle the first time. When the platform
 * says the account is gone, suspended or private, that fact is recorded (the account is kept:
 * a suspended account is itself evidence) and null is returned so the job ends without retrying.
 */
export async function resolvePlatformAccountId(deps: IngestDeps, account: SocialAccount): Promise<string | null> {
  if (account.platform_account_id) return account.platform_account_id;
  try {
    const found = await deps.connector.lookupAccount(account.handle);
    await deps.accounts.setPlatformAccountId(account.id, found.platformAccountId);
    return found.platformAccountId;
  } catch (error) {
    if (error instanceof PlatformError && error.platformCode in accountFacts) {
      const status = accountFacts[error.platformCode as keyof typeof accountFacts];
      await deps.accounts.markStatus(account.id, status, error.message);
      deps.logger.warn({ accountId: account.id, handle: account.handle, status }, 'account is not available');
      return null;
    }
    throw error;
  }
}
