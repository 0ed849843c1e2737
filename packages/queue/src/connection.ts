import { Redis } from 'ioredis';
import { ConfigError, errorMessage, redactUrl, type Logger } from '@netra/core';

export type { Redis };

/** Reconnect delays grow by this step up to the cap, and never stop: an outage is something to wait out. */
const RECONNECT_STEP_MS = 200;
const RECONNECT_CAP_MS = 5_000;

export interface ConnectRedisOptions {
  /** Where outages are reported: one line when the connection is lost, one when it is back. */
  logger?: Logger;
}

/**
 * Opens Redis and proves it answers, so a wrong REDIS_URL stops a service at start with one line
 * naming the setting. Once up, the connection reconnects forever with capped backoff: a Redis
 * restart is waited out, never a reason to stop working (BullMQ's own duplicated connections
 * inherit the same strategy). `maxRetriesPerRequest: null` is what BullMQ workers require:
 * commands issued during an outage wait for the reconnect instead of failing.
 */
export async function connectRedis(redisUrl: string, options: ConnectRedisOptions = {}): Promise<Redis> {
  const redis = new Redis(redisUrl, {
    maxRetriesPerRequest: null,
    lazyConnect: true,
    retryStrategy: (attempt) => Math.min(attempt * RECONNECT_STEP_MS, RECONNECT_CAP_MS),
  });
  // Errors of a lost connection are reported once per outage below; commands surface their own.
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    redis.disconnect();
    throw new ConfigError('REDIS_URL', `cannot connect to ${redactUrl(redisUrl)} (${errorMessage(error)})`);
  }
  if (options.logger) reportOutages(redis, options.logger);
  return redis;
}

/** Logs the start and the end of each outage once, however many reconnect attempts it takes. */
function reportOutages(redis: Redis, logger: Logger): void {
  let downSince: number | null = null;
  let lastError = '';
  redis.on('error', (error: Error) => {
    lastError = error.message;
  });
  redis.on('close', () => {
    if (downSince !== null) return;
    downSince = Date.now();
    logger.warn({ err: lastError || undefined }, 'redis connection lost; reconnecting until it is back');
  });
  redis.on('ready', () => {
    if (downSince === null) return;
    logger.info({ downMs: Date.now() - downSince }, 'redis connection is back');
    downSince = null;
    lastError = '';
  });
}
