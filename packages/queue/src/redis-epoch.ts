import type { Redis } from 'ioredis';

/**
 * Tells whether Redis lost its data since we last looked (a restart without persistence, a
 * FLUSHALL, a failover to an empty replica): a marker key that only we write. When it is gone,
 * every job that was queued is gone with it, and what was in flight must be re-derived from
 * Postgres.
 */
export class RedisEpoch {
  private readonly key: string;

  constructor(
    private readonly redis: Redis,
    prefix: string,
  ) {
    this.key = `${prefix}:epoch`;
  }

  /** True the first time it is asked after Redis started empty (or was flushed); false after. */
  async startedAfresh(): Promise<boolean> {
    return (await this.redis.set(this.key, new Date().toISOString(), 'NX')) === 'OK';
  }
}
