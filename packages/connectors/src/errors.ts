import { NetraError } from '@netra/core';

/**
 * Why a platform call failed, in terms the ingest worker acts on:
 * - RATE_LIMITED: wait `retryAfterMs`, then retry (a window, not a failure).
 * - UNAVAILABLE: 5xx, timeout or network error; retry with backoff.
 * - MALFORMED: the body is not what the API promises; retrying the same call will not help.
 * - NOT_FOUND / SUSPENDED / PROTECTED: a fact about the account or post, recorded, not retried.
 */
export type PlatformErrorCode = 'RATE_LIMITED' | 'UNAVAILABLE' | 'MALFORMED' | 'NOT_FOUND' | 'SUSPENDED' | 'PROTECTED';

export class PlatformError extends NetraError {
  constructor(
    readonly platformCode: PlatformErrorCode,
    message: string,
    readonly context: { url?: string; status?: number; retryAfterMs?: number } = {},
  ) {
    super(`PLATFORM_${platformCode}`, message, context);
    this.name = 'PlatformError';
  }

  get retryable(): boolean {
    return this.platformCode === 'RATE_LIMITED' || this.platformCode === 'UNAVAILABLE';
  }
}
