import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createLogger } from '@netra/core';
import { ReviewItemRepository } from '@netra/db';
import { createTestDatabase, loopbackAllowed, seedAgency, seedConfirmedForwarding, seedFlaggedPost, seedUser, type TestDatabase } from '@netra/testing';
import { startForwarder, verifyNetraSignature, type Forwarder, type ForwarderOptions } from '../src/index.js';
import { startNextAttempt } from '../src/outbox.js';
import { startReceiver } from './support/receiver.js';

const secret = 'test-signing-secret-that-is-long-enough-0123456789';
const logger = createLogger('forwarder-test', 'silent');
const generous = { timeout: 20_000, interval: 25 };

let t: TestDatabase;
let reviewItems: ReviewItemRepository;
const cleanups: (() => Promise<void>)[] = [];

beforeAll(async () => {
  t = await createTestDatabase();
  reviewItems = new ReviewItemRepository(t.db);
});
afterEach(async () => {
  for (const close of cleanups.splice(0).reverse()) await close();
});
afterAll(async () => t?.drop());

function forwarder(options: Partial<ForwarderOptions> = {}): Forwarder {
  const started = startForwarder({ db: t.db, logger, signingSecret: secret, outbound: loopbackAllowed, pollIntervalMs: 20, baseBackoffMs: 20, maxBackoffMs: 40, ...options });
  cleanups.push(() => started.close());
  return started;
}

async function receiver(respond?: (nth: number) => number | Promise<number>) {
  const started = await startReceiver(respond);
  cleanups.push(started.close);
  return started;
}

/** A confirmed case in the outbox of an agency whose webhook is `url`, and a supervisor who may reopen it. */
async function confirmedCase(url: string) {
  const agency = await seedAgency(t.db, { webhookUrl: url });
  const reviewer = await seedUser(t.db, 'reviewer', agency);
  const supervisor = await seedUser(t.db, 'supervisor', agency);
  const { itemId } = await seedFlaggedPost(t.db, agency);
  const forwarding = await seedConfirmedForwarding(t.db, itemId, reviewer.id, { review_item_id: itemId });
  return { itemId, forwarding, reviewer, supervisor };
}

const row = (id: string) => t.db.selectFrom('forwardings').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const rowsOf = (itemId: string) => t.db.selectFrom('forwardings').selectAll().where('review_item_id', '=', itemId).orderBy('id').execute();
const attemptsOf = (id: string) => t.db.selectFrom('forwarding_attempts').selectAll().where('forwarding_id', '=', id).orderBy('id').execute();

describe('a reopened case', () => {
  it('confirm → webhook down → reopen → dismiss → webhook back: nothing is delivered', async () => {
    let up = false;
    const agency = await receiver(() => (up ? 200 : 503));
    const { itemId, forwarding, reviewer, supervisor } = await confirmedCase(agency.url);
    const running = forwarder();
    await vi.waitFor(async () => expect((await row(forwarding.id)).last_error).toBe('HTTP 503'), generous);

    await reviewItems.append({ itemId, type: 'reopened', actorUserId: supervisor.id, payload: { note: 'bukti kurang' } });
    expect(await row(forwarding.id)).toMatchObject({ status: 'cancelled' });
    await reviewItems.append({ itemId, type: 'claimed', actorUserId: reviewer.id, leaseSeconds: 300 });
    await reviewItems.append({ itemId, type: 'dismissed', actorUserId: reviewer.id, payload: { reason: 'not_partisan' } });
    const requestsWhileDown = agency.received.length;
    up = true;
    await running.runOnce();
    await running.runOnce();

    expect(agency.received).toHaveLength(requestsWhileDown);
    expect((await rowsOf(itemId)).map((r) => [r.kind, r.status])).toEqual([['case', 'cancelled']]);
  });

  it('a case delivered before the reopen is followed by one signed withdrawal notice', async () => {
    const agency = await receiver();
    const { itemId, forwarding, supervisor } = await confirmedCase(agency.url);
    forwarder();
    await vi.waitFor(async () => expect((await row(forwarding.id)).status).toBe('delivered'), generous);

    await reviewItems.append({ itemId, type: 'reopened', actorUserId: supervisor.id, payload: { note: 'salah orang' } });
    await vi.waitFor(() => expect(agency.received).toHaveLength(2), generous);
    const notice = agency.received[1]!;
    expect(JSON.parse(notice.body)).toMatchObject({
      notice: 'case_withdrawn',
      review_item_id: itemId,
      withdraws_idempotency_key: forwarding.idempotency_key,
      reason: 'salah orang',
    });
    expect(verifyNetraSignature(secret, String(notice.headers['x-netra-timestamp']), notice.body, String(notice.headers['x-netra-signature']))).toBe(true);
    expect(notice.headers['idempotency-key']).not.toBe(forwarding.idempotency_key);
    await vi.waitFor(async () => expect((await rowsOf(itemId)).map((r) => [r.kind, r.status])).toEqual([['case', 'delivered'], ['withdrawal', 'delivered']]), generous);
  });

  it('reopened while its delivery is in flight: the delivery is recorded and a withdrawal follows', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const agency = await receiver(async (nth) => {
      if (nth === 1) await held;
      return 200;
    });
    const { itemId, forwarding, supervisor } = await confirmedCase(agency.url);
    forwarder();
    await vi.waitFor(() => expect(agency.received).toHaveLength(1), generous);

    await reviewItems.append({ itemId, type: 'reopened', actorUserId: supervisor.id });
    release();
    await vi.waitFor(() => expect(agency.received).toHaveLength(2), generous);
    expect(JSON.parse(agency.received[1]!.body)).toMatchObject({ notice: 'case_withdrawn', withdraws_idempotency_key: forwarding.idempotency_key });
    await vi.waitFor(async () => expect((await rowsOf(itemId)).map((r) => [r.kind, r.status])).toEqual([['case', 'delivered'], ['withdrawal', 'delivered']]), generous);
  });
});

describe('the database', () => {
  it('refuses a forwarding of an item that is not confirmed now, and a retry of a cancelled one', async () => {
    const agency = await receiver(() => 503);
    const { itemId, forwarding, reviewer, supervisor } = await confirmedCase(agency.url);
    await reviewItems.append({ itemId, type: 'reopened', actorUserId: supervisor.id });
    await reviewItems.append({ itemId, type: 'claimed', actorUserId: reviewer.id, leaseSeconds: 300 });
    await reviewItems.append({ itemId, type: 'dismissed', actorUserId: reviewer.id, payload: { reason: 'not_partisan' } });
    const old = await row(forwarding.id);

    const insert = t.db
      .insertInto('forwardings')
      .values({ review_item_id: itemId, confirm_event_id: old.confirm_event_id, agency_id: old.agency_id, idempotency_key: crypto.randomUUID(), report: '{}', channel: 'email' })
      .execute();
    await expect(insert).rejects.toThrow(/not confirmed now/);
    await expect(t.db.updateTable('forwardings').set({ status: 'pending' }).where('id', '=', forwarding.id).execute()).rejects.toThrow(/not confirmed now/);
  });
});

describe('attempts', () => {
  it('an attempt cut short by a crash stays on record, and the case is still delivered once afterwards', async () => {
    const agency = await receiver();
    const { forwarding } = await confirmedCase(agency.url);
    // What a forwarder that died mid-call leaves behind: the attempt started, no outcome, a short lease.
    const started = await startNextAttempt(t.db, new Date(Date.now() + 60_000), [], 0);
    expect(started?.forwarding.id).toBe(forwarding.id);
    expect(await attemptsOf(forwarding.id)).toEqual([expect.objectContaining({ finished_at: null, http_status: null })]);

    forwarder();
    await vi.waitFor(async () => expect((await row(forwarding.id)).status).toBe('delivered'), generous);
    const attempts = await attemptsOf(forwarding.id);
    expect(attempts.map((a) => [a.http_status, a.error])).toEqual([
      [null, 'no outcome: the forwarder stopped during this attempt'],
      [200, null],
    ]);
    expect(attempts.every((a) => a.finished_at !== null)).toBe(true);
    expect((await row(forwarding.id)).attempts).toBe(2);
    expect(agency.received).toHaveLength(1);
  });
});
