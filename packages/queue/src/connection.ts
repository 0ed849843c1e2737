import { Redis } from 'ioredis';
import { ConfigError, errorMessage, redactUrl } from '@netra/core';

export type { Redis };

/**
 * Opens Redis and proves it answers, so a wrong REDIS_URL stops a service at start with one line
 * naming the setting. `maxRetriesPerRequest: null` is what BullMQ workers require.
 */
export async function connectRedis(redisUrl: string): Promise<Redis> {
  const redis = new Redis(redisUrl, {
    maxRetriesPerRequest: null,
    lazyConnect: true,
    // Fail fast at start; once connected, ioredis reconnects on its own.
    retryStrategy: (attempt) => (attempt > 3 ? null : attempt * 200),
  });
  redis.on('error', () => undefined); // surfaced through the failing command instead
  try {
    await redis.connect();
    await redis.ping();
    return redis;
  } catch (error) {
    redis.disconnect();
    throw new ConfigError('REDIS_URL', `cannot connect to ${redactUrl(redisUrl)} (${errorMessage(error)})`);
  }
}
