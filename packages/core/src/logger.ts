import { AsyncLocalStorage } from 'node:async_hooks';
import { pino, type Logger } from 'pino';

export type { Logger };

/** Fields (a request id, a job id) that every log line written within a unit of work carries. */
const logContext = new AsyncLocalStorage<Record<string, unknown>>();

/**
 * Runs `fn` with these fields added to every log line written inside it, by any logger made
 * here, however deep the call: a job's id reaches the repository's log lines without being passed.
 */
export function withLogContext<T>(fields: Record<string, unknown>, fn: () => T): T {
  return logContext.run({ ...logContext.getStore(), ...fields }, fn);
}

/** One logger factory so every service logs the same JSON shape with its own name. */
export function createLogger(service: string, level = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({
    name: service,
    level,
    mixin: () => logContext.getStore() ?? {},
    // Post text and credentials never belong in logs: redact the usual carriers.
    redact: ['req.headers.cookie', 'req.headers.authorization', '*.password', '*.text'],
  });
}
