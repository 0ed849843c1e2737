import { sql, type Kysely } from 'kysely';
import { errorMessage } from '@netra/core';

/** Any pino-shaped logger (a service's, or Fastify's request logger). */
interface WarnLogger {
  warn(fields: object, message: string): void;
}

/** Named dependencies a service needs to do its work; each check resolves when that one answers. */
export type ReadinessChecks = Record<string, () => Promise<unknown>>;

export interface Readiness {
  ready: boolean;
  checks: Record<string, 'ok' | 'failing'>;
}

const CHECK_TIMEOUT_MS = 2_000;

/**
 * Runs every check at once, each bounded by a timeout. The answer says only which dependency
 * fails; the reason (which may carry a host name) goes to the log.
 */
export async function checkReadiness(checks: ReadinessChecks, logger?: WarnLogger): Promise<Readiness> {
  const results = await Promise.all(
    Object.entries(checks).map(async ([name, check]) => {
      try {
        await withTimeout(check(), CHECK_TIMEOUT_MS);
        return [name, 'ok'] as const;
      } catch (error) {
        logger?.warn({ check: name, err: errorMessage(error) }, 'readiness check failing');
        return [name, 'failing'] as const;
      }
    }),
  );
  return { ready: results.every(([, state]) => state === 'ok'), checks: Object.fromEntries(results) };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Postgres answers a query. */
export const postgresAnswers = (db: Kysely<any>) => () => sql`SELECT 1`.execute(db);

/** Redis answers PING. */
export const redisAnswers = (redis: { ping(): Promise<unknown> }) => () => redis.ping();
