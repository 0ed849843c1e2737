import { PUBLIC_ONLY, startLoop, type Loop, type Logger, type OutboundPolicy } from '@netra/core';
import type { Db } from '@netra/db';
import { recordForwardingOutcome } from '@netra/observability';
import { retryDelayMs } from './backoff.js';
import { createDeliverer, type Deliver, type DeliveryOutcome } from './deliver.js';
import { createMailer, type Mailer } from './mail.js';
import { databaseNow, finishAttempt, startNextAttempt, type DueForwarding, type NextStep } from './outbox.js';

export interface ForwarderOptions {
  db: Db;
  logger: Logger;
  /** Shared with the agencies, who verify X-Netra-Signature with it. */
  signingSecret: string;
  /** Which addresses a webhook may reach (OUTBOUND_ALLOWED_ADDRESSES); the default is public ones only. */
  outbound?: OutboundPolicy;
  /** SMTP for agencies that receive cases by e-mail; without it such deliveries fail visibly. */
  smtp?: { url: string; from: string } | undefined;
  /** Pause between passes over the outbox. */
  pollIntervalMs?: number;
  /** Attempts before a forwarding is given up as 'failed' (it then shows in the workspace with a retry button). */
  maxAttempts?: number;
  /** The first retry waits about this long; each further one about twice as long. */
  baseBackoffMs?: number;
  maxBackoffMs?: number;
  requestTimeoutMs?: number;
  /** Deliveries in flight at once, at most one per agency, so a slow agency delays only itself. */
  concurrency?: number;
}

/**
 * Defaults chosen so an agency whose webhook is down for an hour still gets its case: with 12
 * attempts, a 30 s first wait doubling to a 1 h cap, the retries span at least ~2.5 hours even
 * with the shortest jitter (a test checks this).
 */
export const FORWARDER_DEFAULTS = {
  pollIntervalMs: 5_000,
  maxAttempts: 12,
  baseBackoffMs: 30_000,
  maxBackoffMs: 60 * 60_000,
  requestTimeoutMs: 10_000,
  concurrency: 4,
} as const;

export interface PassSummary {
  attempted: number;
  delivered: number;
  failed: number;
}

export interface Forwarder {
  /** One pass: every forwarding due when the pass starts gets one attempt. */
  runOnce(): Promise<PassSummary>;
  /** Stops polling and waits for the attempts in flight. */
  close(): Promise<void>;
}

/**
 * Delivers the outbox: confirmed cases to their home agencies, by signed webhook and/or e-mail,
 * at least once, with the same idempotency key on every retry so the agency can drop duplicates.
 */
export function startForwarder(options: ForwarderOptions): Forwarder {
  const settings = { ...FORWARDER_DEFAULTS, ...definedOnly(options) };
  const { db, logger } = options;
  const deliver: Deliver = createDeliverer({ signingSecret: options.signingSecret, timeoutMs: settings.requestTimeoutMs, outbound: options.outbound ?? PUBLIC_ONLY });
  const mailer: Mailer | null = options.smtp
    ? createMailer({ smtpUrl: options.smtp.url, from: options.smtp.from, timeoutMs: settings.requestTimeoutMs })
    : null;

  let stopped = false;
  const passes = new Set<Promise<PassSummary>>();
  // While an attempt is in flight its row is leased: no other forwarder takes it. Longer than
  // any call can take, so a lease only runs out when this process died mid-call.
  const leaseMs = 2 * settings.requestTimeoutMs + 5_000;

  function nextStep(forwarding: DueForwarding, outcome: DeliveryOutcome, permanent: boolean): NextStep {
    if (outcome.delivered) return { status: 'delivered' };
    const attempts = forwarding.attempts + 1;
    if (permanent || attempts >= settings.maxAttempts) return { status: 'failed' };
    return { status: 'pending', retryInMs: retryDelayMs(attempts, settings.baseBackoffMs, settings.maxBackoffMs) };
  }

  /** One attempt over the row's channel; `permanent` when retrying cannot help until someone changes a setting. */
  async function attempt(forwarding: DueForwarding): Promise<{ outcome: DeliveryOutcome; permanent: boolean }> {
    const body = JSON.stringify(forwarding.report);
    const missing = (what: string) => ({
      outcome: { delivered: false, httpStatus: null, error: `agency ${forwarding.agency_code} has no ${what} configured`, durationMs: 0 },
      permanent: true,
    });
    if (forwarding.channel === 'webhook') {
      if (!forwarding.webhook_url) return missing('webhook_url');
      return { outcome: await deliver({ url: forwarding.webhook_url, body, idempotencyKey: forwarding.idempotency_key }), permanent: false };
    }
    if (!forwarding.contact_email) return missing('contact_email');
    if (!mailer) return missing('SMTP server (SMTP_URL) for e-mail delivery; this forwarder');
    const decision = (forwarding.report as { decision?: { code?: string; severity?: string } }).decision;
    const outcome = await mailer.send({
      kind: forwarding.kind,
      to: forwarding.contact_email,
      reviewItemId: forwarding.review_item_id,
      reportJson: body,
      reportHtml: forwarding.report_html,
      summary: `${decision?.code ?? '?'} (${decision?.severity ?? '?'})`,
      idempotencyKey: forwarding.idempotency_key,
    });
    return { outcome, permanent: false };
  }

  /**
   * Attempts one due forwarding; false when none is left for this worker in this pass. The
   * attempt is on record before the call and gets its outcome after it (two short
   * transactions, none held open across the network).
   */
  async function attemptNext(cutoff: Date, summary: PassSummary, busy: AgencySlots): Promise<boolean> {
    const started = await busy.take((busyIds) => startNextAttempt(db, cutoff, busyIds, leaseMs), (s) => s.forwarding.agency_id);
    if (!started) return false;
    const { forwarding } = started;
    try {
      const { outcome, permanent } = await attempt(forwarding);
      const next = nextStep(forwarding, outcome, permanent);
      const status = await finishAttempt(db, started, outcome, next);
      summary.attempted += 1;
      recordForwardingOutcome(status === 'pending' ? 'retry' : status, forwarding.channel);
      if (status === 'delivered') summary.delivered += 1;
      if (status === 'failed') summary.failed += 1;
      const what = forwarding.kind === 'withdrawal' ? 'withdrawal notice' : 'case';
      const log = { forwardingId: forwarding.id, kind: forwarding.kind, channel: forwarding.channel, agency: forwarding.agency_code, attempt: forwarding.attempts + 1, httpStatus: outcome.httpStatus };
      if (status === 'delivered') logger.info(log, `${what} delivered`);
      else if (status === 'cancelled') logger.info(log, 'case reopened during delivery: not retried');
      else if (status === 'failed') logger.error({ ...log, error: outcome.error }, `${what} delivery failed for good`);
      else logger.warn({ ...log, error: outcome.error, retryInMs: (next as { retryInMs?: number }).retryInMs }, `${what} delivery failed, will retry`);
      return true;
    } finally {
      busy.release(forwarding.agency_id);
    }
  }

  async function pass(): Promise<PassSummary> {
    const summary: PassSummary = { attempted: 0, delivered: 0, failed: 0 };
    // Rows that fail now are due again only after the cutoff, so a pass always ends.
    const cutoff = await databaseNow(db);
    const busy = new AgencySlots();
    const worker = async () => {
      while (!stopped && (await attemptNext(cutoff, summary, busy)));
    };
    await Promise.all(Array.from({ length: settings.concurrency }, worker));
    return summary;
  }

  function runOnce(): Promise<PassSummary> {
    const running = pass();
    passes.add(running);
    return running.finally(() => passes.delete(running));
  }

  const loop: Loop<PassSummary> = startLoop({ name: 'forwarding', intervalMs: settings.pollIntervalMs, logger, round: runOnce });
  return {
    runOnce,
    async close() {
      stopped = true;
      await loop.close();
      await Promise.allSettled([...passes]);
      mailer?.close();
    },
  };
}

/**
 * The agencies this pass is delivering to. Picking the next row and marking its agency busy
 * happen one worker at a time, so two workers never deliver to the same agency at once.
 */
class AgencySlots {
  private readonly busy = new Set<number>();
  private picking: Promise<unknown> = Promise.resolve();

  take<T>(pick: (busyIds: number[]) => Promise<T | undefined>, agencyOf: (row: T) => number): Promise<T | undefined> {
    const taken = this.picking.then(async () => {
      const row = await pick([...this.busy]);
      if (row) this.busy.add(agencyOf(row));
      return row;
    });
    this.picking = taken.catch(() => undefined);
    return taken;
  }

  release(agencyId: number): void {
    this.busy.delete(agencyId);
  }
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
