import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Job } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '@netra/core';
import { ReportRepository } from '@netra/db';
import { connectRedis, createQueues, type Queues, type Redis } from '@netra/queue';
import { startSimPlatform, World, type RunningSimPlatform } from '@netra/sim-platform';
import { createTestDatabase, seedAgency, seedCivilServant, testRedisPrefix, testRedisUrl, type TestDatabase } from '@netra/testing';
import { buildCaptureDeps, buildMediaDeps, type CaptureDeps } from '../src/index.js';
import { captureReportHandler } from '../src/capture/capture-report.js';

let t: TestDatabase;
let redis: Redis;
let queues: Queues;
let sim: RunningSimPlatform;
let storeDir: string;
const world = new World({ domain: 'sim.test' });
const logger = createLogger('test', process.env.LOG_LEVEL ?? 'silent');
let civilServantId: number;
/** Tests and the demo point Chromium at the sim for www.tiktok.com (not HSTS-preloaded, so plain HTTP works). */
let capture: CaptureDeps;
let publicOnly: CaptureDeps;
let impatient: CaptureDeps;

beforeAll(async () => {
  t = await createTestDatabase();
  redis = await connectRedis(testRedisUrl);
  queues = createQueues(redis, testRedisPrefix());
  sim = await startSimPlatform({ port: 0, world });
  storeDir = await mkdtemp(join(tmpdir(), 'netra-capture-test-'));
  const media = buildMediaDeps({ db: t.db, queues, logger, store: storeDir, apiBaseUrls: {} });
  const simHost = new URL(sim.url).host;
  capture = buildCaptureDeps(media, { db: t.db, chromiumPath: '/usr/bin/chromium', outbound: { allowed: ['127.0.0.1'] }, hostResolverRules: `MAP www.tiktok.com ${simHost}`, timeoutMs: 20_000 });
  publicOnly = buildCaptureDeps(media, { db: t.db, chromiumPath: '/usr/bin/chromium', timeoutMs: 20_000 });
  impatient = buildCaptureDeps(media, { db: t.db, chromiumPath: '/usr/bin/chromium', outbound: { allowed: ['127.0.0.1'] }, hostResolverRules: `MAP www.tiktok.com ${simHost}`, timeoutMs: 2_000 });
  const agency = await seedAgency(t.db);
  ({ civilServantId } = await seedCivilServant(t.db, agency));
  await t.db
    .insertInto('social_accounts')
    .values({ platform: 'tiktok', handle: 'guru.budi', platform_account_id: null, civil_servant_id: civilServantId, candidate_id: null, poll_cursor: null, last_polled_at: null, last_error: null })
    .execute();
  world.publishWebPage('/@guru.budi/video/1', { title: 'Guru Budi | TikTok', author: 'Guru Budi', text: 'Ayo coblos nomor 2 tanggal 14!', poster: ['COBLOS', 'NOMOR 2'] });
  world.publishWebPage('/@rahasia/video/2', { title: 'TikTok', author: '', text: '', loginWall: true });
}, 60_000);

afterAll(async () => {
  await capture?.browser.close();
  await publicOnly?.browser.close();
  await impatient?.browser.close();
  await queues?.close();
  await sim?.close();
  redis?.disconnect();
  await t?.drop();
  await rm(storeDir, { recursive: true, force: true });
});

const reports = () => new ReportRepository(t.db);
const file = (url: string) => reports().create({ source: 'public', submittedBy: null, url, platform: null, handle: null, description: 'ASN ini berkampanye di TikTok', contact: 'warga@example.test', uploadSha256: null });
const run = (deps: CaptureDeps, reportId: string, attemptsMade = 0) => captureReportHandler(deps)({ reportId }, { attemptsMade, opts: { attempts: 2 } } as unknown as Job);
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('capturing a reported link in Chromium', () => {
  it('keeps the page as shown (screenshot, HTML, final URL, status), links it to the registered account and queues it as a post', async () => {
    const id = await file('http://www.tiktok.com/@guru.budi/video/1');
    const classifyBefore = await queues.queue('classify').count();
    await run(capture, id);

    const report = (await reports().get(id))!;
    expect(report).toMatchObject({ status: 'linked', civil_servant_id: civilServantId, http_status: 200, login_wall: false, final_url: 'http://www.tiktok.com/@guru.budi/video/1', capture_error: null });
    expect(report.page_text).toBe('Ayo coblos nomor 2 tanggal 14!');
    const html = await capture.store.get(report.html_sha256!);
    expect(sha256(html!)).toBe(report.html_sha256);
    expect(html!.toString()).toContain('Ayo coblos nomor 2');
    const screenshot = await capture.store.get(report.screenshot_sha256!);
    expect(sha256(screenshot!)).toBe(report.screenshot_sha256);
    const object = await t.db.selectFrom('media_objects').selectAll().where('sha256', '=', report.screenshot_sha256!).executeTakeFirstOrThrow();
    expect(object.format).toBe('png');
    expect(object.ocr_text).toMatch(/COBLOS/);

    const post = await t.db.selectFrom('posts').selectAll().where('report_id', '=', id).executeTakeFirstOrThrow();
    expect(post).toMatchObject({ platform: 'tiktok', author_handle: 'guru.budi', text: 'Ayo coblos nomor 2 tanggal 14!' });
    const images = await t.db.selectFrom('post_media').selectAll().where('post_id', '=', post.id).execute();
    expect(images.map((i) => [i.state, i.media_sha256])).toEqual([['stored', report.screenshot_sha256]]);
    expect(await queues.queue('classify').count()).toBe(classifyBefore + 1);

    await run(capture, id); // a repeated job finds the report decided and does nothing
    expect(await t.db.selectFrom('posts').select('id').where('report_id', '=', id).execute()).toHaveLength(1);
  }, 90_000);

  it('records a login wall as one, without reading past it', async () => {
    const id = await file('http://www.tiktok.com/@rahasia/video/2');
    await run(capture, id);
    const report = (await reports().get(id))!;
    expect(report).toMatchObject({ status: 'unlinked', login_wall: true, page_text: null });
    expect(report.screenshot_sha256).toMatch(/^[0-9a-f]{64}$/);
  }, 60_000);

  it('refuses an internal address by default, recording why, and leaves the report for a reviewer', async () => {
    const id = await file(`${sim.url}/@guru.budi/video/1`);
    await run(publicOnly, id);
    const report = (await reports().get(id))!;
    expect(report).toMatchObject({ status: 'unlinked', screenshot_sha256: null, html_sha256: null });
    expect(report.capture_error).toMatch(/alamat internal/);
  }, 60_000);

  it('tries a page that does not answer again, then goes on without it', async () => {
    const id = await file('http://www.tiktok.com/@guru.budi/video/1');
    sim.faults.add({ path: '^/@guru', delayMs: 4_000, times: 1 });
    await expect(run(impatient, id)).rejects.toThrow();
    expect((await reports().get(id))!).toMatchObject({ status: 'received', capture_attempts: 1 });
    expect((await reports().get(id))!.capture_error).toMatch(/tidak dapat dibuka/);

    // The last attempt fails too: the report goes on by its link alone, the failure on record.
    sim.faults.add({ path: '^/@guru', delayMs: 4_000, times: 1 });
    await run(impatient, id, 1);
    const report = (await reports().get(id))!;
    expect(report).toMatchObject({ status: 'linked', screenshot_sha256: null, capture_attempts: 2 });
    expect(report.capture_error).toMatch(/tidak dapat dibuka/);
    expect(await t.db.selectFrom('posts').select('id').where('report_id', '=', id).execute()).toHaveLength(1);
  }, 90_000);
});
