import type { Logger } from '@netra/core';
import type { Db } from '@netra/db';
import { retryDelayMs } from './backoff.js';
import { createDeliverer, type Deliver, type DeliveryOutcome } from './deliver.js';
import { databaseNow, lockNextDue, recordAttempt, type DueForwarding, type NextStep } from './outbox.js';

export interface ForwarderOptions {
  db: Db;
  logger: Logger;
  /** Shared with the agencies, who verify X-Netra-Signature with it. */
  signingSecret: string;
  /** Pause between passes over the outbox. */
  pollIntervalMs?: number;
  /** Attempts before a forwarding is given up as 'failed' (someone must then look at it). */
  maxAttempts?: number;
  /** The first retry waits about this long; each further one about twice as long. */
  baseBackoffMs?: number;
  maxBackoffMs?: number;
  requestTimeoutMs?: number;
}

export interface PassSummary {
  attempted: number;
  delivered: number;
  failed: number;
}

export interface Forwarder {
  /** One pass: every forwarding due when the pass starts gets one attempt. */
  runOnce(): Promise<PassSummary>;
  /** Stops polling and waits for the attempt in flight. */
  close(): Promise<void>;
}

/**
 * Delivers the outbox: confirmed cases to their home agencies' webhooks, signed, at least once,
 * with the same Idempotency-Key on every retry so the agency can drop duplicates.
 */
export function startForwarder(options: ForwarderOptions): Forwarder {
  const { db, logger } = options;
  const pollIntervalMs = options.pollIntervalMs ?? 5_000;
  const maxAttempts = options.maxAttempts ?? 8;
  const baseBackoffMs = options.baseBackoffMs ?? 30_000;
  const maxBackoffMs = options.maxBackoffMs ?? 60 * 60_000;
  const deliver: Deliver = createDeliverer({ signingSecret: options.signingSecret, timeoutMs: options.requestTimeoutMs ?? 10_000 });

  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const passes = new Set<Promise<PassSummary>>();

  function nextStep(forwarding: DueForwarding, outcome: DeliveryOutcome, permanent: boolean): NextStep {
    if (outcome.delivered) return { status: 'delivered' };
    const attempts = forwarding.attempts + 1;
    if (permanent || attempts >= maxAttempts) return { status: 'failed' };
    return { status: 'pending', retryInMs: retryDelayMs(attempts, baseBackoffMs, maxBackoffMs) };
  }

  /** Attempts one due forwarding; false when none is left for this pass. */
  async function attemptNext(cutoff: Date, summary: PassSummary): Promise<boolean> {
    return db.transaction().execute(async (trx) => {
      const forwarding = await lockNextDue(trx, cutoff);
      if (!forwarding) return false;
      const url = forwarding.webhook_url;
      const outcome: DeliveryOutcome = url
        ? await deliver({ url, body: JSON.stringify(forwarding.report), idempotencyKey: forwarding.idempotency_key })
        : { delivered: false, httpStatus: null, error: `agency ${forwarding.agency_code} has no webhook_url configured`, durationMs: 0 };
      // Without an address, retrying cannot help until someone configures one.
      const next = nextStep(forwarding, outcome, url === null);
      await recordAttempt(trx, forwarding, outcome, next);
      summary.attempted += 1;
      if (next.status === 'delivered') summary.delivered += 1;
      if (next.status === 'failed') summary.failed += 1;
      const log = { forwardingId: forwarding.id, agency: forwarding.agency_code, attempt: forwarding.attempts + 1, httpStatus: outcome.httpStatus };
      if (next.status === 'delivered') logger.info(log, 'case delivered');
      else if (next.status === 'failed') logger.error({ ...log, error: outcome.error }, 'case delivery failed for good');
      else logger.warn({ ...log, error: outcome.error, retryInMs: next.retryInMs }, 'case delivery failed, will retry');
      return true;
    });
  }

  async function pass(): Promise<PassSummary> {
    const summary: PassSummary = { attempted: 0, delivered: 0, failed: 0 };
    // Rows that fail now are due again only after the cutoff, so a pass always ends.
    const cutoff = await databaseNow(db);
    while (!stopped && (await attemptNext(cutoff, summary)));
    return summary;
  }

  function runOnce(): Promise<PassSummary> {
    const running = pass();
    passes.add(running);
    return running.finally(() => passes.delete(running));
  }

  async function poll(): Promise<void> {
    try {
      await runOnce();
    } catch (error) {
      logger.error({ err: error }, 'forwarder pass failed');
    }
    if (!stopped) timer = setTimeout(poll, pollIntervalMs);
  }

  timer = setTimeout(poll, 0);
  return {
    runOnce,
    async close() {
      stopped = true;
      clearTimeout(timer);
      await Promise.allSettled([...passes]);
    },
  };
}
