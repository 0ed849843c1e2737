import { platformApiCalls, platformRateLimited } from './metrics.js';

/**
 * The hook for connectors: call once per HTTP response (or transport error, status undefined)
 * from a platform API. It counts the call and, for a 429, the rate limiting.
 */
export function recordPlatformCall(platform: string, status: number | undefined): void {
  platformApiCalls.inc({ platform, status: status === undefined ? 'error' : String(status) });
  if (status === 429) platformRateLimited.inc({ platform });
}
