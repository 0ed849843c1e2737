import type { Redis } from 'ioredis';
import type { Platform } from '@netra/core';
import { physicalQueueName } from './jobs.js';
import type { Queues } from './queues.js';

export interface ParkedPlatform {
  platform: Platform;
  reason: string;
  since: string;
  /** When the platform said the cap lifts; null: an operator resumes it. */
  until: string | null;
}

/**
 * A platform whose cap is spent (X's monthly UsageCapExceeded) is parked: its ingest queue is
 * paused in Redis (BullMQ pause, visible to every worker and dashboard) and the reason is kept
 * next to it, instead of jobs sleeping and retrying against a cap that will not lift for days.
 * The scheduler resumes a parked platform once its `until` has passed; `resume` does it by hand.
 */
export class PlatformParking {
  private readonly key: string;

  constructor(
    private readonly redis: Redis,
    private readonly queues: Queues,
    prefix: string,
  ) {
    this.key = `${prefix}:ingest:parked`;
  }

  async park(platform: Platform, reason: string, untilMs?: number): Promise<void> {
    const entry: ParkedPlatform = {
      platform,
      reason,
      since: new Date().toISOString(),
      until: untilMs === undefined ? null : new Date(Date.now() + untilMs).toISOString(),
    };
    await this.queues.queue(physicalQueueName('ingest', platform)).pause();
    await this.redis.hset(this.key, platform, JSON.stringify(entry));
  }

  async parked(): Promise<ParkedPlatform[]> {
    const entries = await this.redis.hvals(this.key);
    return entries.map((entry) => JSON.parse(entry) as ParkedPlatform);
  }

  async resume(platform: Platform): Promise<void> {
    await this.queues.queue(physicalQueueName('ingest', platform)).resume();
    await this.redis.hdel(this.key, platform);
  }

  /** Resumes the platforms whose cap has lifted; returns those still parked. */
  async resumeDue(now: Date = new Date()): Promise<Platform[]> {
    const stillParked: Platform[] = [];
    for (const entry of await this.parked()) {
      if (entry.until !== null && Date.parse(entry.until) <= now.getTime()) await this.resume(entry.platform);
      else stillParked.push(entry.platform);
    }
    return stillParked;
  }
}
