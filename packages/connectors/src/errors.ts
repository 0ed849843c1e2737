import { NetraError } from '@netra/core';
import type { RawPage } from './types.js';

/**
 * Why a platform call failed, in terms the ingest worker acts on:
 * - RATE_LIMITED: a window: wait `retryAfterMs`, then retry (not a failure).
 * - CAP_EXCEEDED: a cap (X's monthly UsageCapExceeded): park the platform and alert; waiting
 *   minutes will not help.
 * - UNAVAILABLE: 5xx, timeout or network error; retry with backoff.
 * - MALFORMED: the body is not what the API promises; retrying the same call will not help.
 * - NOT_FOUND / SUSPENDED / PROTECTED: a fact about the account or post, recorded, not retried.
 */
export type PlatformErrorCode = 'RATE_LIMITED' | 'CAP_EXCEEDED' | 'UNAVAILABLE' | 'MALFORMED' | 'NOT_FOUND' | 'SUSPENDED' | 'PROTECTED';

export interface PlatformErrorContext {
  url?: string;
  status?: number;
  retryAfterMs?: number;
  /** The response that said so, kept as evidence (a 404 is how a deletion is proven). */
  page?: RawPage;
}

export class PlatformError extends NetraError {
  constructor(
    readonly platformCode: PlatformErrorCode,
    message: string,
    readonly context: PlatformErrorContext = {},
  ) {
    super(`PLATFORM_${platformCode}`, message, { url: context.url, status: context.status, retryAfterMs: context.retryAfterMs });
    this.name = 'PlatformError';
  }

  get retryable(): boolean {
    return this.platformCode === 'RATE_LIMITED' || this.platformCode === 'UNAVAILABLE';
  }
}
