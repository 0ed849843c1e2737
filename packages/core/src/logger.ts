import { pino, type Logger } from 'pino';

export type { Logger };

/** One logger factory so every service logs the same JSON shape with its own name. */
export function createLogger(service: string, level = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({
    name: service,
    level,
    // Post text and credentials never belong in logs: redact the usual carriers.
    redact: ['req.headers.cookie', 'req.headers.authorization', '*.password', '*.text'],
  });
}
