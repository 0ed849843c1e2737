import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Job } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '@netra/core';
import { ActivityRepository, type Db } from '@netra/db';
import { connectRedis, createQueues, type Queues, type Redis } from '@netra/queue';
import { startSimPlatform, World, type RunningSimPlatform, type SimMediaContent } from '@netra/sim-platform';
import { createTestDatabase, seedAgency, seedCivilServant, testRedisPrefix, testRedisUrl, type TestDatabase } from '@netra/testing';
import { buildMediaDeps, readMediaHandler, startMediaWorker, type MediaDeps } from '../src/index.js';

let t: TestDatabase;
let redis: Redis;
let queues: Queues;
const prefix = testRedisPrefix();
let sim: RunningSimPlatform;
let storeDir: string;
let deps: MediaDeps;
let accountId: number;
const world = new World({ domain: 'sim.test' });
const logger = createLogger('test', process.env.LOG_LEVEL ?? 'silent');

beforeAll(async () => {
  t = await createTestDatabase();
  redis = await connectRedis(testRedisUrl);
  queues = createQueues(redis, prefix);
  sim = await startSimPlatform({ port: 0, world });
  storeDir = await mkdtemp(join(tmpdir(), 'netra-media-test-'));
  deps = buildMediaDeps({ db: t.db, queues, logger, store: storeDir, apiBaseUrls: { mastodon: sim.url }, extraHosts: ['localhost'], timeoutMs: 10_000 });
  world.createAccount({ username: 'asn_foto', displayName: 'ASN Foto' });
  ({ accountId } = await seedCivilServant(t.db, await seedAgency(t.db)));
}, 60_000);

afterAll(async () => {
  await queues?.close();
  await sim?.close();
  redis?.disconnect();
  await t?.drop();
  await rm(storeDir, { recursive: true, force: true });
});

let n = 0;
/** A post on the sim with these files, stored as ingest stores it, its images listed under `urlOf`. */
async function storedPostWith(contents: SimMediaContent[], urlOf = (status: ReturnType<World['post']>, i: number) => world.mediaUrl(status, i)): Promise<string> {
  const status = world.post({ acct: 'asn_foto', text: `foto ${++n}`, media: contents.map((content) => ({ content })) });
  const activity = new ActivityRepository(t.db);
  const [stored] = await activity.transaction((trx) =>
    activity.storePosts(trx, [
      {
        platform: 'mastodon',
        platformPostId: status.id,
        accountId,
        authorHandle: 'asn_foto',
        kind: 'post',
        text: status.text,
        url: `https://sim.test/@asn_foto/${status.id}`,
        inReplyToPlatformId: null,
        postedAt: status.createdAt,
        media: contents.map((_, i) => ({ kind: 'image' as const, url: urlOf(status, i), description: null })),
        raw: {},
      },
    ]),
  );
  expect(stored!.newMedia).toBe(true);
  return stored!.id;
}

/** One attempt of the read-media job, as BullMQ would run it. */
const attempt = (postId: string, attemptsMade = 0) => readMediaHandler(deps)({ postId }, { attemptsMade, opts: { attempts: 3 } } as unknown as Job);

const mediaRows = (db: Db, postId: string) => db.selectFrom('post_media').selectAll().where('post_id', '=', postId).orderBy('position').execute();
const poster = { poster: ['AYO COBLOS', 'NOMOR 2', 'PASLON UJI'] };

describe('the media worker', () => {
  it('fetches a post\'s poster, keeps it by SHA-256, reads its words and has the post classified again', async () => {
    const postId = await storedPostWith([poster, { scene: 7 }]);
    const classifyBefore = await queues.queue('classify').count();
    await attempt(postId);

    const rows = await mediaRows(t.db, postId);
    expect(rows.map((r) => r.state)).toEqual(['stored', 'stored']);
    const served = Buffer.from(await (await fetch(rows[0]!.source_url)).arrayBuffer());
    const kept = await deps.store.get(rows[0]!.media_sha256!);
    expect(kept?.equals(served)).toBe(true);
    expect(createHash('sha256').update(kept!).digest('hex')).toBe(rows[0]!.media_sha256);

    const objects = await t.db.selectFrom('media_objects').selectAll().where('sha256', 'in', rows.map((r) => r.media_sha256!)).execute();
    const posterObject = objects.find((o) => o.sha256 === rows[0]!.media_sha256)!;
    expect(posterObject.ocr_text).toContain('COBLOS');
    expect(posterObject.phash).toMatch(/^[0-9a-f]{16}$/);
    // A photo without text reads as no text, not as a stray letter.
    expect(objects.find((o) => o.sha256 === rows[1]!.media_sha256)!.ocr_text).toBe('');
    expect(await queues.queue('classify').count()).toBe(classifyBefore + 1);
  }, 120_000);

  it('keeps the same file once however many posts show it, and fetches nothing twice', async () => {
    const first = await storedPostWith([poster]);
    const second = await storedPostWith([poster]);
    await attempt(first);
    await attempt(second);
    await attempt(second); // nothing pending any more: a repeated job does nothing
    const [a, b] = [(await mediaRows(t.db, first))[0]!, (await mediaRows(t.db, second))[0]!];
    expect(a.media_sha256).toBe(b.media_sha256);
    expect(b.attempts).toBe(1);
    expect(await t.db.selectFrom('media_objects').where('sha256', '=', a.media_sha256!).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).toEqual({ n: '1' });
  }, 120_000);

  it('refuses, for good and with the reason, a file that is not an image, one from another host and one on an internal address', async () => {
    const html = { bytes: Buffer.from('<html><script>alert(1)</script></html>'), contentType: 'image/png' };
    const notImage = await storedPostWith([html]);
    const foreign = await storedPostWith([poster], () => 'https://tracker.example.net/pixel.png');
    // 'localhost' is an allowed media host here, but it resolves to a loopback address: refused at connect time.
    const internal = await storedPostWith([poster], (status, i) => world.mediaUrl(status, i).replace('127.0.0.1', 'localhost'));
    for (const postId of [notImage, foreign, internal]) await attempt(postId);

    const [notImageRow, foreignRow, internalRow] = [(await mediaRows(t.db, notImage))[0]!, (await mediaRows(t.db, foreign))[0]!, (await mediaRows(t.db, internal))[0]!];
    expect(notImageRow).toMatchObject({ state: 'refused', media_sha256: null });
    expect(notImageRow.error).toMatch(/not an image/);
    expect(foreignRow).toMatchObject({ state: 'refused', media_sha256: null });
    expect(foreignRow.error).toMatch(/tracker\.example\.net bukan dari host media mastodon/);
    expect(internalRow).toMatchObject({ state: 'refused', media_sha256: null });
    expect(internalRow.error).toMatch(/alamat internal/);
  }, 60_000);

  it('tries a host that answers 503 again, and gives up on a file the platform no longer serves', async () => {
    const flaky = await storedPostWith([poster]);
    sim.faults.add({ path: '^/media/', status: 503, times: 1 });
    await expect(attempt(flaky)).rejects.toThrow(/503/);
    expect((await mediaRows(t.db, flaky))[0]).toMatchObject({ state: 'pending', attempts: 1 });
    await attempt(flaky, 1);
    expect((await mediaRows(t.db, flaky))[0]).toMatchObject({ state: 'stored', attempts: 2 });

    const gone = await storedPostWith([poster], (status) => world.mediaUrl(status, 9));
    await attempt(gone);
    expect((await mediaRows(t.db, gone))[0]).toMatchObject({ state: 'failed', media_sha256: null });
  }, 60_000);

  it('runs on its own queue: a read-media job enqueued by ingest is done by the worker', async () => {
    const postId = await storedPostWith([poster]);
    const worker = startMediaWorker(deps, { connection: redis, prefix });
    try {
      await queues.enqueue('read-media', { postId });
      const deadline = Date.now() + 60_000;
      while ((await mediaRows(t.db, postId))[0]!.state === 'pending') {
        if (Date.now() > deadline) throw new Error('the media worker did not read the image within 60 s');
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect((await mediaRows(t.db, postId))[0]!.state).toBe('stored');
    } finally {
      await worker.close();
    }
  }, 90_000);
});
