import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createLogger } from '@netra/core';
import { createTestDatabase, loopbackAllowed, seedAgency, seedConfirmedForwarding, seedFlaggedPost, seedUser, type TestDatabase } from '@netra/testing';
import {
  FORWARDER_DEFAULTS,
  retryDelayMs,
  signNetraPayload,
  startForwarder,
  verifyNetraSignature,
  type Forwarder,
  type ForwarderOptions,
} from '../src/index.js';
import { startSmtpListener } from './support/smtp-listener.js';
import { startReceiver, unreachableUrl } from './support/receiver.js';

const secret = 'test-signing-secret-that-is-long-enough-0123456789';
const logger = createLogger('forwarder-test', 'silent');

let t: TestDatabase;
const running: Forwarder[] = [];
const cleanups: (() => Promise<void>)[] = [];

beforeAll(async () => {
  t = await createTestDatabase();
});
afterEach(async () => {
  await Promise.all(running.splice(0).map((f) => f.close()));
  await Promise.all(cleanups.splice(0).map((close) => close()));
});
afterAll(async () => t?.drop());

function forwarder(options: Partial<ForwarderOptions> = {}): Forwarder {
  const started = startForwarder({ db: t.db, logger, signingSecret: secret, outbound: loopbackAllowed, pollIntervalMs: 20, baseBackoffMs: 20, ...options });
  running.push(started);
  return started;
}

async function receiver(respond?: (nth: number) => number | Promise<number>) {
  const started = await startReceiver(respond);
  cleanups.push(started.close);
  return started;
}

/** Confirmed cases for an agency whose webhook is `webhookUrl`, through open, claim and confirm. */
async function confirmedCases(webhookUrl: string | null, count = 1) {
  const agency = await seedAgency(t.db, { webhookUrl });
  const reviewer = await seedUser(t.db, 'reviewer', agency);
  const cases = [];
  for (let i = 0; i < count; i++) {
    const { itemId } = await seedFlaggedPost(t.db, agency);
    cases.push(await seedConfirmedForwarding(t.db, itemId, reviewer.id, { review_item_id: itemId, text: 'Coblos 02 ✌️ <b>' }));
  }
  return cases;
}

const forwardingRow = (id: string) => t.db.selectFrom('forwardings').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const attemptsOf = (id: string) =>
  t.db.selectFrom('forwarding_attempts').selectAll().where('forwarding_id', '=', id).orderBy('id').execute();
const settled = (id: string) =>
  vi.waitFor(
    async () => {
      const row = await forwardingRow(id);
      if (row.status === 'pending') throw new Error(`forwarding ${id} still pending after ${row.attempts} attempts`);
      return row;
    },
    { timeout: 60_000, interval: 20 },
  );

describe('delivery', () => {
  it('delivers a confirmed case once, signed so the agency can verify it', async () => {
    const agency = await receiver();
    const [forwarding] = await confirmedCases(agency.url);
    forwarder();

    const row = await settled(forwarding!.id);
    expect(row).toMatchObject({ status: 'delivered', attempts: 1, last_error: null });
    expect(row.delivered_at).toBeInstanceOf(Date);
    await new Promise((resolve) => setTimeout(resolve, 100)); // a few more polls: nothing is re-sent
    expect(agency.received).toHaveLength(1);

    const { headers, body } = agency.received[0]!;
    expect(headers['content-type']).toBe('application/json');
    expect(headers['idempotency-key']).toBe(forwarding!.idempotency_key);
    expect(JSON.parse(body)).toEqual(row.report);
    const timestamp = String(headers['x-netra-timestamp']);
    const signature = String(headers['x-netra-signature']);
    expect(signature).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(verifyNetraSignature(secret, timestamp, body, signature)).toBe(true);
    expect(verifyNetraSignature('another-secret', timestamp, body, signature)).toBe(false);
    expect(verifyNetraSignature(secret, timestamp, body.replace('02', '03'), signature)).toBe(false);

    const attempts = await attemptsOf(forwarding!.id);
    expect(attempts).toHaveLength(1);
    expect(attempts[0]).toMatchObject({ http_status: 200, error: null });
  });

  it('retries after 500s with the same idempotency key, and records each attempt', async () => {
    const agency = await receiver((nth) => (nth <= 2 ? 500 : 200));
    const [forwarding] = await confirmedCases(agency.url);
    forwarder({ maxAttempts: 5 });

    const row = await settled(forwarding!.id);
    expect(row).toMatchObject({ status: 'delivered', attempts: 3, last_error: null });
    expect((await attemptsOf(forwarding!.id)).map((a) => [a.http_status, a.error])).toEqual([
      [500, 'HTTP 500'],
      [500, 'HTTP 500'],
      [200, null],
    ]);
    expect(agency.received).toHaveLength(3);
    expect(new Set(agency.received.map((r) => r.headers['idempotency-key']))).toEqual(new Set([forwarding!.idempotency_key]));
  });

  it('gives up after maxAttempts when the agency is down', async () => {
    const [forwarding] = await confirmedCases(await unreachableUrl());
    forwarder({ maxAttempts: 3 });

    const row = await settled(forwarding!.id);
    expect(row).toMatchObject({ status: 'failed', attempts: 3, delivered_at: null });
    expect(row.last_error).toMatch(/ECONNREFUSED/);
    const attempts = await attemptsOf(forwarding!.id);
    expect(attempts).toHaveLength(3);
    for (const attempt of attempts) expect(attempt).toMatchObject({ http_status: null, error: expect.stringMatching(/ECONNREFUSED/) });
  });

  it('never connects to an internal address the policy does not allow, by IP or by a name resolving to one', async () => {
    const agency = await receiver();
    const byName = agency.url.replace('127.0.0.1', 'localhost');
    const forwardings = [...(await confirmedCases(agency.url)), ...(await confirmedCases(byName))];
    // As a row stored before the input check existed, or a name re-pointed after it (DNS rebinding).
    forwarder({ maxAttempts: 1, outbound: { allowed: [] } });

    for (const forwarding of forwardings) {
      const row = await settled(forwarding.id);
      expect(row).toMatchObject({ status: 'failed', delivered_at: null });
      expect(row.last_error).toMatch(/is not allowed/);
    }
    expect(agency.received).toHaveLength(0);
  });

  it('fails at once, with a clear error, when the agency has no webhook', async () => {
    const [forwarding] = await confirmedCases(null);
    forwarder();
    const row = await settled(forwarding!.id);
    expect(row).toMatchObject({ status: 'failed', attempts: 1 });
    expect(row.last_error).toMatch(/has no webhook_url configured/);
  });

  it('waits between retries: a failed row is not due again within the same pass', async () => {
    const agency = await receiver(() => 503);
    const [forwarding] = await confirmedCases(agency.url);
    const slow = forwarder({ pollIntervalMs: 60_000, baseBackoffMs: 60_000, maxAttempts: 5 });
    await vi.waitFor(async () => expect(await forwardingRow(forwarding!.id)).toMatchObject({ attempts: 1, last_error: 'HTTP 503' }), { timeout: 60_000 });
    await slow.runOnce();
    const row = await forwardingRow(forwarding!.id);
    expect(row).toMatchObject({ status: 'pending', attempts: 1, last_error: 'HTTP 503' });
    expect(row.next_attempt_at.getTime()).toBeGreaterThan(Date.now() + 20_000);
  });
});

describe('several forwarders at once', () => {
  it('deliver every case exactly once', async () => {
    const agency = await receiver(async () => {
      await new Promise((resolve) => setTimeout(resolve, 15)); // keep deliveries overlapping
      return 200;
    });
    const cases = await confirmedCases(agency.url, 20);
    forwarder();
    forwarder();
    forwarder();

    for (const forwarding of cases) expect((await settled(forwarding.id)).status).toBe('delivered');
    const keys = agency.received.map((r) => r.headers['idempotency-key']);
    expect(keys).toHaveLength(20);
    expect(new Set(keys)).toEqual(new Set(cases.map((c) => c.idempotency_key)));
    const attempts = await t.db
      .selectFrom('forwarding_attempts')
      .select('forwarding_id')
      .where('forwarding_id', 'in', cases.map((c) => c.id))
      .execute();
    expect(attempts).toHaveLength(20);
  });
});

describe('e-mail delivery', () => {
  it('sends the case to the agency contact over SMTP, with the printable report and the JSON attached', async () => {
    const smtp = await startSmtpListener();
    cleanups.push(smtp.close);
    const agency = await seedAgency(t.db, { contactEmail: 'netralitas@agency.test', emailCases: true });
    const reviewer = await seedUser(t.db, 'reviewer', agency);
    const { itemId } = await seedFlaggedPost(t.db, agency);
    const forwarding = await seedConfirmedForwarding(t.db, itemId, reviewer.id, { review_item_id: itemId, decision: { code: 'number_symbol', severity: 'berat' } }, {
      channel: 'email',
      reportHtml: '<h1>Laporan kasus</h1>',
    });
    forwarder({ smtp: { url: smtp.url, from: 'netra@netra.test' } });

    expect(await settled(forwarding.id)).toMatchObject({ status: 'delivered', attempts: 1 });
    expect(smtp.received).toHaveLength(1);
    const mail = smtp.received[0]!;
    expect(mail.to).toEqual(['<netralitas@agency.test>']);
    expect(mail.data).toContain(`Message-ID: <${forwarding.idempotency_key}@netra.test>`);
    expect(mail.data).toContain(`X-Netra-Idempotency-Key: ${forwarding.idempotency_key}`);
    expect(mail.data).toContain('Laporan kasus');
    expect(mail.data).toContain(`kasus-${itemId}.json`);
  });

  it('fails at once, naming the missing setting, when this forwarder has no SMTP server', async () => {
    const agency = await seedAgency(t.db, { contactEmail: 'netralitas@agency.test', emailCases: true });
    const reviewer = await seedUser(t.db, 'reviewer', agency);
    const { itemId } = await seedFlaggedPost(t.db, agency);
    const forwarding = await seedConfirmedForwarding(t.db, itemId, reviewer.id, undefined, { channel: 'email' });
    forwarder();
    const row = await settled(forwarding.id);
    expect(row).toMatchObject({ status: 'failed', attempts: 1 });
    expect(row.last_error).toMatch(/SMTP_URL/);
  });
});

describe('several agencies', () => {
  it("one slow agency does not hold up another agency's case", async () => {
    let releaseSlow!: () => void;
    const slowGate = new Promise<void>((resolve) => (releaseSlow = resolve));
    const slow = await receiver(async () => {
      await slowGate;
      return 200;
    });
    const fast = await receiver();
    const slowCases = await confirmedCases(slow.url, 3);
    const [fastCase] = await confirmedCases(fast.url, 1);
    forwarder();
    try {
      // The fast agency's case is delivered while the slow agency is still answering its first.
      const row = await settled(fastCase!.id);
      expect(row.status).toBe('delivered');
      expect(slow.received).toHaveLength(1);
    } finally {
      releaseSlow();
    }
    for (const c of slowCases) expect((await settled(c.id)).status).toBe('delivered');
    expect(slow.received).toHaveLength(3);
  });
});

describe('the default retry schedule', () => {
  it('keeps trying for well over an hour, so an agency down for an hour still gets its case', () => {
    const { maxAttempts, baseBackoffMs, maxBackoffMs } = FORWARDER_DEFAULTS;
    let shortest = 0;
    for (let failed = 1; failed < maxAttempts; failed++) shortest += retryDelayMs(failed, baseBackoffMs, maxBackoffMs, () => 0);
    expect(shortest).toBeGreaterThan(2 * 60 * 60_000);
  });

  it('delivers exactly once when the webhook comes back after failing for a while', async () => {
    const agency = await receiver((nth) => (nth <= 5 ? 503 : 200));
    const [forwarding] = await confirmedCases(agency.url);
    forwarder({ baseBackoffMs: 10, maxBackoffMs: 40 });
    expect(await settled(forwarding!.id)).toMatchObject({ status: 'delivered', attempts: 6 });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(agency.received.filter((r) => r.headers['idempotency-key'] === forwarding!.idempotency_key)).toHaveLength(6);
    expect((await attemptsOf(forwarding!.id)).filter((a) => a.http_status === 200)).toHaveLength(1);
  });
});

describe('verifyNetraSignature', () => {
  it('rejects stale or future timestamps and malformed headers', async () => {
    const body = '{"a":1}';
    const now = 1_720_000_000;
    const sign = (ts: number) => signNetraPayload(secret, ts, body);
    expect(verifyNetraSignature(secret, String(now), body, sign(now), now * 1000)).toBe(true);
    expect(verifyNetraSignature(secret, String(now - 301), body, sign(now - 301), now * 1000)).toBe(false);
    expect(verifyNetraSignature(secret, String(now + 301), body, sign(now + 301), now * 1000)).toBe(false);
    expect(verifyNetraSignature(secret, String(now), body, sign(now).replace('sha256=', 'sha1='), now * 1000)).toBe(false);
    expect(verifyNetraSignature(secret, `${now}.5`, body, sign(now), now * 1000)).toBe(false);
    expect(verifyNetraSignature(secret, undefined, body, undefined, now * 1000)).toBe(false);
  });
});

describe('retryDelayMs', () => {
  it('doubles per failed attempt, jitters within the upper half, and stops at the cap', () => {
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, 1000, 60_000, () => 0))).toEqual([500, 1000, 2000, 4000]);
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, 1000, 60_000, () => 1))).toEqual([1000, 2000, 4000, 8000]);
    expect(retryDelayMs(30, 1000, 60_000, () => 1)).toBe(60_000);
  });
});
