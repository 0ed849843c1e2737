import { setTimeout as sleep } from 'node:timers/promises';
import { PlatformError } from '@netra/connectors';

export interface Patience {
  /** The longest single wait a person at the terminal accepts; a longer Retry-After fails at once. */
  maxWaitMs: number;
  /** Tries after the first when the platform is unavailable (5xx, timeout, network). */
  unavailableRetries: number;
  /** Told before every wait, so the person knows why nothing is printed. */
  say: (line: string) => void;
  /** For tests: the first backoff after an unavailable answer; doubles each time. */
  backoffMs?: number;
}

// When a 429 carries no Retry-After and no rate-limit headers, a minute is the common window.
const unknownWindowMs = 60_000;

/**
 * One platform call the way a person would make it by hand: a 429 is waited out for as long as
 * the platform asks (Retry-After or its rate-limit reset), up to `maxWaitMs`, and a 5xx or a
 * timeout is tried again a few times with a doubling pause. Everything else, and a wait longer
 * than the cap, fails with the platform's error. The ingest workers do not use this: they
 * reschedule through their queues instead of sleeping.
 */
export async function patientCall<T>(what: string, call: () => Promise<T>, patience: Patience): Promise<T> {
  let unavailable = 0;
  for (;;) {
    try {
      return await call();
    } catch (error) {
      if (!(error instanceof PlatformError)) throw error;
      if (error.platformCode === 'RATE_LIMITED') {
        const waitMs = error.context.retryAfterMs ?? unknownWindowMs;
        if (waitMs > patience.maxWaitMs) {
          throw new PlatformError('RATE_LIMITED', `${error.message}; the platform asks to wait ${seconds(waitMs)}, more than --max-wait ${seconds(patience.maxWaitMs)}`, error.context);
        }
        patience.say(`${what}: rate limited; waiting ${seconds(waitMs)} as the platform asks, then trying again`);
        await sleep(waitMs);
      } else if (error.platformCode === 'UNAVAILABLE' && unavailable < patience.unavailableRetries) {
        const waitMs = (patience.backoffMs ?? 1000) * 2 ** unavailable;
        unavailable++;
        patience.say(`${what}: platform unavailable (${error.message}); try ${unavailable + 1} of ${patience.unavailableRetries + 1} in ${seconds(waitMs)}`);
        await sleep(waitMs);
      } else {
        throw error;
      }
    }
  }
}

function seconds(ms: number): string {
  return `${Math.ceil(ms / 1000)} s`;
}
