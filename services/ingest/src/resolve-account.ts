import { PlatformError, type PlatformConnector } from '@netra/connectors';
import type { SocialAccount } from '@netra/db';
import type { IngestDeps } from './deps.js';

/** What the platform can say about an account that is a fact to record, not a failure to retry. */
export const accountFacts = {
  NOT_FOUND: 'not_found',
  SUSPENDED: 'suspended',
  PROTECTED: 'protected',
} as const;

export function accountFactOf(error: unknown): (typeof accountFacts)[keyof typeof accountFacts] | undefined {
  return error instanceof PlatformError && error.platformCode in accountFacts ? accountFacts[error.platformCode as keyof typeof accountFacts] : undefined;
}

/**
 * Runs `work` against the account; when the platform says the account is gone, suspended or
 * private, that fact is recorded (with its history; the account is kept, a suspended account is
 * itself evidence) and the job ends without retrying, returning undefined.
 */
export async function unlessAccountUnavailable<T>(deps: IngestDeps, account: SocialAccount, work: () => Promise<T>): Promise<T | undefined> {
  try {
    return await work();
  } catch (error) {
    const status = accountFactOf(error);
    if (!status) throw error;
    await deps.accounts.markStatus(account.id, status, (error as Error).message);
    deps.logger.warn({ accountId: account.id, handle: account.handle, status }, 'account is not available');
    return undefined;
  }
}

/** The account's stable platform id, looked up from its handle the first time. */
export async function resolvePlatformAccountId(deps: IngestDeps, account: SocialAccount, connector: PlatformConnector): Promise<string> {
  if (account.platform_account_id) return account.platform_account_id;
  const found = await connector.lookupAccount(account.handle);
  await deps.accounts.setPlatformAccountId(account.id, found.platformAccountId);
  return found.platformAccountId;
}
