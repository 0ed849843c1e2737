import { mkdirSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { importDemoRegistry } from '@netra/demo';
import { ReviewItemRepository } from '@netra/db';
import { buildDemoWorld, startSimPlatform, type RunningSimPlatform } from '@netra/sim-platform';
import {
  adminDatabaseUrl,
  createTestDatabase,
  loopbackAllowed,
  seedAgency,
  seedConfirmedForwarding,
  seedFlaggedPost,
  seedUser,
  ServiceProcess,
  testRedisPrefix,
  type TestDatabase,
} from '@netra/testing';
import { startAgencyWebhook } from './support/agency-webhook.js';
import { OwnRedis } from './support/own-redis.js';
import { TcpProxy } from './support/tcp-proxy.js';

/**
 * The fault suite: every service as its own process, against a Redis of this test's own and the
 * shared Postgres behind a proxy this test can cut, with the simulated platforms in-process.
 * Each scenario breaks something for real (kill -9, a Redis restart or flush, Postgres gone, the
 * platform answering 503 for a minute, an agency's webhook down) and then waits — with generous
 * deadlines, never fixed sleeps — until what was published meanwhile is stored, classified and
 * queued for review, counting what was lost and what was doubled.
 */

const deadline = { timeout: 240_000, interval: 250 };
const results: Record<string, Record<string, number>> = {};

let t: TestDatabase;
let sim: RunningSimPlatform;
let redis: OwnRedis;
let proxy: TcpProxy;
let handles: string[];
let services: Record<'scheduler' | 'ingest' | 'classifier', ServiceProcess>;

beforeAll(async () => {
  t = await createTestDatabase();
  await importDemoRegistry(t.db);
  sim = await startSimPlatform({ world: buildDemoWorld() });
  redis = await OwnRedis.start();
  const upstream = new URL(adminDatabaseUrl);
  proxy = await TcpProxy.start({ host: upstream.hostname, port: Number(upstream.port || 5432) });
  handles = (
    await t.db.selectFrom('social_accounts').select('handle').where('platform', '=', 'mastodon').where('civil_servant_id', 'is not', null).orderBy('id').execute()
  ).map((a) => a.handle);

  const env = {
    DATABASE_URL: proxy.urlFor(t.url),
    REDIS_URL: redis.url,
    REDIS_PREFIX: testRedisPrefix(),
    MASTODON_BASE_URL: sim.url,
    BLUESKY_BASE_URL: sim.url,
    X_API_BASE_URL: sim.url,
    X_BEARER_TOKEN: 'sim-platform-accepts-any-token',
    SCHEDULER_INTERVAL_SECONDS: '1',
    POLL_INTERVAL_SECONDS: '2',
    DEPENDENCY_DOWN_EXIT_SECONDS: '600',
  };
  services = {
    scheduler: new ServiceProcess('scheduler', 'services/scheduler/src/main.ts', env),
    ingest: new ServiceProcess('ingest', 'services/ingest/src/main.ts', env),
    classifier: new ServiceProcess('classifier', 'services/classifier/src/main.ts', env),
  };
  for (const service of Object.values(services)) await service.start();
}, 300_000);

afterAll(async () => {
  for (const service of Object.values(services ?? {})) await service.stop();
  await redis?.kill();
  await proxy?.cut();
  await sim?.close();
  await t?.drop();
  const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../test-results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'faults.json'), `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(`fault suite results: ${JSON.stringify(results)}\n`);
}, 120_000);

interface Published {
  id: string;
  partisan: boolean;
}

/** Civil servants post, half of them partisan, each post tagged so it can be found again. */
function publish(count: number, tag: string): Published[] {
  return Array.from({ length: count }, (_, i) => {
    const partisan = i % 2 === 0;
    const text = partisan
      ? `Ayo coblos nomor 2 tanggal 14 Februari!! ✌️ Menangkan paslon 02 #${tag}${i}`
      : `Rapat koordinasi pelayanan publik jam 9 pagi, bawa laporan bulanan ${tag}${i}`;
    const status = sim.world.post({ acct: handles[i % handles.length]!, text });
    return { id: status.id, partisan };
  });
}

interface Outcome {
  published: number;
  stored: number;
  classified: number;
  /** Flagged posts whose review item is missing. */
  flaggedWithoutItem: number;
  /** Rows beyond one per post: stored twice, classified twice by the same version, two items. */
  doubled: number;
}

async function outcomeOf(batch: readonly Published[]): Promise<Outcome> {
  const ids = batch.map((p) => p.id);
  const { rows } = await sql<{ stored: number; posts: number; classified: number; flagged_without_item: number; doubled_classifications: number; doubled_items: number }>`
    WITH p AS (SELECT id, platform_post_id FROM posts WHERE platform = 'mastodon' AND platform_post_id = ANY(${ids}::text[]))
    SELECT
      (SELECT count(DISTINCT platform_post_id)::int FROM p) AS stored,
      (SELECT count(*)::int FROM p) AS posts,
      (SELECT count(*)::int FROM p WHERE EXISTS (SELECT 1 FROM classifications c WHERE c.post_id = p.id)) AS classified,
      (SELECT count(*)::int FROM p WHERE EXISTS (SELECT 1 FROM classifications c WHERE c.post_id = p.id AND c.flagged)
                                     AND NOT EXISTS (SELECT 1 FROM review_items r WHERE r.post_id = p.id)) AS flagged_without_item,
      (SELECT coalesce(sum(n - 1), 0)::int FROM (SELECT count(*) AS n FROM classifications c JOIN p ON p.id = c.post_id
                                                  GROUP BY c.post_id, c.classifier_version, c.input_sha256) d) AS doubled_classifications,
      (SELECT coalesce(sum(n - 1), 0)::int FROM (SELECT count(*) AS n FROM review_items r JOIN p ON p.id = r.post_id GROUP BY r.post_id) d) AS doubled_items
  `.execute(t.db);
  const r = rows[0]!;
  return {
    published: batch.length,
    stored: r.stored,
    classified: r.classified,
    flaggedWithoutItem: r.flagged_without_item,
    doubled: r.posts - r.stored + r.doubled_classifications + r.doubled_items,
  };
}

/** Waits until every post of the batch is stored and classified, and returns the counts. */
async function settled(batch: readonly Published[]): Promise<Outcome> {
  return vi.waitFor(async () => {
    const outcome = await outcomeOf(batch);
    if (outcome.stored < batch.length || outcome.classified < batch.length || outcome.flaggedWithoutItem > 0) {
      throw new Error(`not settled yet: ${JSON.stringify(outcome)}\n--- ingest ---\n${services.ingest.log(15)}\n--- classifier ---\n${services.classifier.log(15)}`);
    }
    return outcome;
  }, deadline);
}

/** Every partisan post of the batch has its review item (the classifier flags these texts). */
async function expectPartisanQueued(batch: readonly Published[]): Promise<void> {
  const partisanIds = batch.filter((p) => p.partisan).map((p) => p.id);
  const { rows } = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM review_items r JOIN posts p ON p.id = r.post_id
    WHERE p.platform = 'mastodon' AND p.platform_post_id = ANY(${partisanIds}::text[])`.execute(t.db);
  expect(rows[0]!.n).toBe(partisanIds.length);
}

function record(name: string, outcome: Outcome, extra: Record<string, number> = {}): void {
  results[name] = { published: outcome.published, lost: outcome.published - outcome.stored, unclassified: outcome.stored - outcome.classified, doubled: outcome.doubled, ...extra };
  expect(outcome).toMatchObject({ stored: outcome.published, classified: outcome.published, flaggedWithoutItem: 0, doubled: 0 });
}

const pids = () => Object.fromEntries(Object.entries(services).map(([name, s]) => [name, s.pid]));

/** Waits until the service's /healthz answers `status`; a failure shows what the service wrote. */
async function healthzBecomes(service: ServiceProcess, status: number): Promise<void> {
  await vi.waitFor(async () => {
    const answer = await service.healthz();
    if (answer !== status) throw new Error(`${service.name} /healthz answered ${answer}, not ${status} (running: ${service.running})\n${service.log(30)}`);
  }, deadline);
}

async function storedCount(batch: readonly Published[]): Promise<number> {
  return (await outcomeOf(batch)).stored;
}

describe.sequential('the pipeline under faults', () => {
  it('ingests the demo world to begin with', async () => {
    const batch = publish(10, 'awal');
    record('warm-up', await settled(batch));
  }, 300_000);

  it('kill -9 of ingest and classifier mid-batch: nothing lost, nothing doubled', async () => {
    const batch = publish(150, 'bunuh');
    await vi.waitFor(async () => expect(await storedCount(batch)).toBeGreaterThan(0), deadline);
    const storedAtKill = await storedCount(batch);
    await Promise.all([services.ingest.kill(), services.classifier.kill()]);
    await Promise.all([services.ingest.start(), services.classifier.start()]);
    const outcome = await settled(batch);
    record('kill -9 ingest + classifier', outcome, { stored_when_killed: storedAtKill });
    await expectPartisanQueued(batch);
  }, 300_000);

  it('a Redis restart (empty, no persistence): new posts are stored and classified, no service restarted', async () => {
    const before = pids();
    await redis.kill();
    const batch = publish(40, 'redismati');
    await healthzBecomes(services.ingest, 503);
    await redis.start();
    const back = Date.now();
    const outcome = await settled(batch);
    record('redis restart', outcome, { recovery_ms: Date.now() - back });
    expect(pids()).toEqual(before);
    for (const service of Object.values(services)) expect(service.running).toBe(true);
    await healthzBecomes(services.ingest, 200);
  }, 300_000);

  it('a Redis FLUSHALL with work queued: everything is re-derived from Postgres', async () => {
    const batch = publish(60, 'redisbersih');
    await vi.waitFor(async () => expect(await storedCount(batch)).toBeGreaterThan(0), deadline);
    await redis.flushAll();
    const flushed = Date.now();
    const outcome = await settled(batch);
    record('redis flushall', outcome, { recovery_ms: Date.now() - flushed });
  }, 300_000);

  it('Postgres gone (every connection reset, new ones refused) and back: nothing lost, no service restarted', async () => {
    const before = pids();
    await proxy.cut();
    const batch = publish(40, 'pgmati');
    try {
      await healthzBecomes(services.ingest, 503);
    } finally {
      // Whatever happened, the scenarios after this one need their database back.
      await proxy.restore();
    }
    const back = Date.now();
    const outcome = await settled(batch);
    record('postgres restart', outcome, { recovery_ms: Date.now() - back });
    expect(pids()).toEqual(before);
  }, 300_000);

  it('the platform answers 503 for 60 s: every post published during and after it is stored', async () => {
    sim.faults.add({ path: '.', status: 503, times: 1_000_000_000 });
    const during = publish(30, 'platformmati');
    // The outage lasts a minute by design; the posts go on being published meanwhile.
    await new Promise((resolve) => setTimeout(resolve, 60_000));
    sim.faults.clear();
    const back = Date.now();
    const after = publish(10, 'platformpulih');
    const outcome = await settled([...during, ...after]);
    record('platform 503 for 60 s', outcome, { recovery_ms: Date.now() - back });
  }, 300_000);
});

describe.sequential('delivering cases under faults', () => {
  const secret = randomBytes(32).toString('hex');
  let webhook: Awaited<ReturnType<typeof startAgencyWebhook>>;
  let forwarder: ServiceProcess;
  let agency: Awaited<ReturnType<typeof seedAgency>>;
  let reviewer: { id: number };
  let supervisor: { id: number };

  beforeAll(async () => {
    webhook = await startAgencyWebhook();
    agency = await seedAgency(t.db, { webhookUrl: webhook.url });
    reviewer = await seedUser(t.db, 'reviewer', agency);
    supervisor = await seedUser(t.db, 'supervisor', agency);
    forwarder = new ServiceProcess('forwarder', 'services/forwarder/src/main.ts', {
      DATABASE_URL: proxy.urlFor(t.url),
      FORWARDER_SIGNING_SECRET: secret,
      FORWARDER_POLL_SECONDS: '0.2',
      FORWARDER_RETRY_BASE_SECONDS: '0.2',
      FORWARDER_RETRY_MAX_SECONDS: '1',
      FORWARDER_REQUEST_TIMEOUT_SECONDS: '2',
      // The agency webhook of these scenarios listens on this machine.
      OUTBOUND_ALLOWED_ADDRESSES: loopbackAllowed.allowed.join(','),
    });
  }, 120_000);
  afterAll(async () => {
    await forwarder?.stop();
    await webhook?.close();
  });

  const confirmedCase = async () => {
    const { itemId } = await seedFlaggedPost(t.db, agency);
    const forwarding = await seedConfirmedForwarding(t.db, itemId, reviewer.id, { review_item_id: itemId });
    return { itemId, key: forwarding.idempotency_key, forwardingId: forwarding.id };
  };
  const acceptedFor = (key: string) => webhook.accepted.filter((a) => a.key === key).length;

  it('forwarder killed mid-call, then the webhook down, then up: exactly one delivery per case, every attempt on record', async () => {
    webhook.set('hang');
    const cases = await Promise.all(Array.from({ length: 3 }, confirmedCase));
    await forwarder.start();
    await vi.waitFor(() => expect(webhook.requests()).toBeGreaterThan(0), deadline);
    await forwarder.kill();
    webhook.set('down');
    await forwarder.start();
    const downRequests = webhook.requests();
    await vi.waitFor(() => expect(webhook.requests()).toBeGreaterThan(downRequests + 2), deadline);
    webhook.set('up');
    await vi.waitFor(() => expect(cases.map((c) => acceptedFor(c.key))).toEqual([1, 1, 1]), deadline);
    // The webhook has answered; the forwarder records each delivery just after, in its own time.
    const statusesOf = async () =>
      (await t.db.selectFrom('forwardings').select('status').where('id', 'in', cases.map((c) => c.forwardingId)).execute()).map((s) => s.status);
    await vi.waitFor(async () => expect(await statusesOf()).toEqual(['delivered', 'delivered', 'delivered']), deadline);
    expect(cases.map((c) => acceptedFor(c.key))).toEqual([1, 1, 1]);

    const cutShort = await t.db
      .selectFrom('forwarding_attempts')
      .select('id')
      .where('forwarding_id', 'in', cases.map((c) => c.forwardingId))
      .where('error', '=', 'no outcome: the forwarder stopped during this attempt')
      .execute();
    expect(cutShort.length).toBeGreaterThan(0);
    results['forwarder kill -9 + webhook down'] = { cases: 3, delivered_once: 3, doubled: 0, attempts_cut_short: cutShort.length };
  }, 300_000);

  it('confirm → webhook down → reopen → dismiss → webhook up: nothing reaches the agency, and the database refuses a new forwarding', async () => {
    webhook.set('down');
    const dismissed = await confirmedCase();
    await vi.waitFor(async () => {
      const row = await t.db.selectFrom('forwardings').select('last_error').where('id', '=', dismissed.forwardingId).executeTakeFirstOrThrow();
      expect(row.last_error).toBe('HTTP 503');
    }, deadline);
    const items = new ReviewItemRepository(t.db);
    await items.append({ itemId: dismissed.itemId, type: 'reopened', actorUserId: supervisor.id });
    await items.append({ itemId: dismissed.itemId, type: 'claimed', actorUserId: reviewer.id, leaseSeconds: 300 });
    await items.append({ itemId: dismissed.itemId, type: 'dismissed', actorUserId: reviewer.id, payload: { reason: 'not_partisan' } });
    webhook.set('up');
    // A case confirmed after the dismissal: once it has arrived, the forwarder had every chance to send the other.
    const sentinel = await confirmedCase();
    await vi.waitFor(() => expect(acceptedFor(sentinel.key)).toBe(1), deadline);
    expect(acceptedFor(dismissed.key)).toBe(0);

    const old = await t.db.selectFrom('forwardings').selectAll().where('id', '=', dismissed.forwardingId).executeTakeFirstOrThrow();
    expect(old.status).toBe('cancelled');
    const insert = t.db
      .insertInto('forwardings')
      .values({ review_item_id: dismissed.itemId, confirm_event_id: old.confirm_event_id, agency_id: old.agency_id, idempotency_key: crypto.randomUUID(), report: '{}' })
      .execute();
    await expect(insert).rejects.toThrow(/not confirmed now/);
    results['reopen + dismiss while webhook down'] = { cases: 1, wrongly_forwarded: acceptedFor(dismissed.key) };
  }, 300_000);
});
