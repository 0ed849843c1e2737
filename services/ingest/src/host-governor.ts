import type { Redis } from 'ioredis';
import type { Platform } from '@netra/core';
import { PlatformError } from '@netra/connectors';

/**
 * One rate-limit governor per (platform, host), shared by every ingest process through Redis:
 * when a host says "wait", every job for that host waits, while jobs for other hosts go on.
 */
export class HostGovernor {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  private key(platform: Platform, host: string): string {
    return `${this.prefix}:ingest:governor:${platform}:${host}`;
  }

  async pause(platform: Platform, host: string, waitMs: number, reason: string): Promise<void> {
    await this.redis.set(this.key(platform, host), reason, 'PX', Math.max(1, Math.ceil(waitMs)));
  }

  /** Throws RATE_LIMITED, with the time left, while the host is paused: no call is made. */
  async assertOpen(platform: Platform, host: string): Promise<void> {
    const leftMs = await this.redis.pttl(this.key(platform, host));
    if (leftMs > 0) {
      throw new PlatformError('RATE_LIMITED', `${platform} host ${host} is paused by an earlier rate limit`, { url: `//${host}`, retryAfterMs: leftMs });
    }
  }
}
