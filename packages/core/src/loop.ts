import type { Logger } from 'pino';
import { errorMessage } from './errors.js';
import type { Closeable } from './lifecycle.js';

export interface Loop<T> extends Closeable {
  /** Runs a round now, after the one in flight (never two at once); resolves with its result. */
  runNow(): Promise<T>;
}

/**
 * Runs `round` now and then again `intervalMs` after each round *started*, or at once when a
 * round took longer than that — never two rounds at once, and no backlog of rounds queued
 * behind a slow one. A failing round is logged and the loop goes on: the next round retries.
 * close() stops the timer and waits for the round in flight.
 */
export function startLoop<T>(options: { name: string; intervalMs: number; logger: Logger; round: () => Promise<T> }): Loop<T> {
  let inFlight: Promise<T | undefined> = Promise.resolve(undefined);
  let timer: NodeJS.Timeout | undefined;
  let closed = false;

  const runNow = (): Promise<T> => {
    const next = inFlight.catch(() => undefined).then(() => options.round());
    inFlight = next;
    return next;
  };
  const tick = () => {
    const started = Date.now();
    runNow()
      .catch((error: unknown) => options.logger.error({ loop: options.name, err: errorMessage(error) }, `${options.name} round failed; the next round retries`))
      .finally(() => {
        if (!closed) timer = setTimeout(tick, Math.max(0, options.intervalMs - (Date.now() - started)));
      });
  };
  timer = setTimeout(tick, 0);

  return {
    runNow,
    async close() {
      closed = true;
      clearTimeout(timer);
      await inFlight.catch(() => undefined);
    },
  };
}
