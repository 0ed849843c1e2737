import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '@netra/core';
import { renderPoster } from '@netra/sim-platform';
import { createTestDatabase, seedAgency, seedCivilServant, seedUser, type TestDatabase } from '@netra/testing';
import { buildReviewApp, DEFAULT_RATE_LIMITS, type ReviewApp } from '../src/index.js';
import { signIn, type ApiClient } from './support/client.js';

let t: TestDatabase;
let app: ReviewApp;
let mediaDir: string;
let reviewer: ApiClient;
let central: ApiClient;
let analyst: ApiClient;
let nip: string;

beforeAll(async () => {
  t = await createTestDatabase();
  mediaDir = await mkdtemp(join(tmpdir(), 'netra-reports-'));
  app = buildReviewApp({
    db: t.db,
    logger: createLogger('review-test', 'silent'),
    insecureCookies: true,
    secondFactor: 'off',
    media: mediaDir,
    rateLimits: { ...DEFAULT_RATE_LIMITS, publicReportsPerHour: 6 },
  });
  const agency = await seedAgency(t.db);
  const { civilServantId } = await seedCivilServant(t.db, agency);
  nip = (await t.db.selectFrom('civil_servants').select('nip').where('id', '=', civilServantId).executeTakeFirstOrThrow()).nip.trim();
  reviewer = await signIn(app, (await seedUser(t.db, 'reviewer', agency)).email);
  central = await signIn(app, (await seedUser(t.db, 'central_reviewer', null)).email);
  analyst = await signIn(app, (await seedUser(t.db, 'analyst', agency)).email);
});

afterAll(async () => {
  await app?.close();
  await t?.drop();
  await rm(mediaDir, { recursive: true, force: true });
});

/** A browser's multipart/form-data body for the /lapor form. */
function form(fields: Record<string, string>, file?: { bytes: Buffer<ArrayBufferLike>; type: string }) {
  const boundary = '----netra-test-boundary';
  const parts = Object.entries(fields).map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`);
  const chunks: Buffer<ArrayBufferLike>[] = [Buffer.from(parts.join(''))];
  if (file) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="screenshot"; filename="layar.png"\r\nContent-Type: ${file.type}\r\n\r\n`), file.bytes, Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
const lapor = (fields: Record<string, string>, file?: { bytes: Buffer<ArrayBufferLike>; type: string }, ip = '203.0.113.7') =>
  app.inject({ method: 'POST', url: '/lapor', remoteAddress: ip, ...form(fields, file) });
const reportCount = async () => (await t.db.selectFrom('reports').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n;
const storedFiles = async () => (await readdir(mediaDir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).length;

describe('the public report page /lapor', () => {
  it('shows a form to anyone, without signing in', async () => {
    const page = await app.inject({ method: 'GET', url: '/lapor' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('enctype="multipart/form-data"');
    expect(page.body).toContain('name="screenshot"');
  });

  it('takes a report with a screenshot: the file kept by SHA-256, the link read for its platform and account', async () => {
    const screenshot = await renderPoster(['COBLOS', 'NOMOR 2']);
    const response = await lapor({ url: 'https://www.tiktok.com/@guru.budi/video/7312345678901234567', description: 'Guru ini mengajak murid memilih paslon 02.', contact: 'warga@example.test' }, { bytes: screenshot, type: 'image/png' });
    expect(response.statusCode).toBe(200);
    const id = /data-report-id>(\d+)</.exec(response.body)![1]!;
    const report = await t.db.selectFrom('reports').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(report).toMatchObject({ source: 'public', submitted_by: null, platform: 'tiktok', handle: 'guru.budi', status: 'received', contact: 'warga@example.test' });
    expect(report.upload_sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(await storedFiles()).toBe(1);
  });

  it('refuses a file that is not an image, an empty description and a non-http link with the reasons, keeping nothing', async () => {
    const [before, filesBefore] = [await reportCount(), await storedFiles()];
    const notImage = await lapor({ url: 'https://www.facebook.com/budi/posts/1', description: 'Postingan kampanye di Facebook.' }, { bytes: Buffer.from('<svg onload=alert(1)>'), type: 'image/png' });
    expect(notImage.statusCode).toBe(400);
    expect(notImage.body).toContain('Tangkapan layar ditolak: the file is not an image');
    const mistakes = await lapor({ url: 'javascript:alert(1)', description: 'pendek' });
    expect(mistakes.statusCode).toBe(400);
    expect(mistakes.body).toContain('url: harus alamat http(s) postingan yang dilaporkan');
    expect(mistakes.body).toContain('description: apa yang terlihat di postingan, paling sedikit 10 karakter');
    // What was typed comes back, escaped.
    expect(mistakes.body).toContain('value="javascript:alert(1)"');
    expect([await reportCount(), await storedFiles()]).toEqual([before, filesBefore]);
  });

  it('refuses a screenshot over 10 MiB with the limit, keeping nothing', async () => {
    const before = await reportCount();
    const response = await lapor({ url: 'https://www.facebook.com/budi/posts/1', description: 'Postingan kampanye di Facebook.' }, { bytes: Buffer.alloc(11 * 1024 * 1024, 1), type: 'image/png' });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('lebih besar dari 10 MiB');
    expect(await reportCount()).toBe(before);
  });

  it('limits how many reports one client sends in an hour', async () => {
    const ip = '198.51.100.9';
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await lapor({ url: `https://x.com/budi/status/${i}`, description: 'Cuitan dukungan paslon.' }, undefined, ip)).statusCode);
    expect(statuses.slice(0, 6).every((s) => s === 200)).toBe(true);
    expect(statuses[6]).toBe(429);
  });
});

describe('reports from staff, and their triage', () => {
  it('takes a staff report as JSON; an analyst may not file one', async () => {
    const response = await reviewer.post('/api/reports', { url: 'https://www.instagram.com/p/C2xYz/', description: 'Foto bersama paslon di posko.' });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ status: 'received' });
    expect((await analyst.post('/api/reports', { url: 'https://www.instagram.com/p/C2xYz/', description: 'Foto bersama paslon di posko.' })).statusCode).toBe(403);
    expect((await reviewer.post('/api/reports', { url: 'ftp://example.test/x', description: 'x' })).statusCode).toBe(400);
  });

  it('lets a central reviewer link an unlinked report by NIP (registering the account) or reject one; the contact is not listed', async () => {
    const [first, second] = await Promise.all(
      ['https://www.instagram.com/sri.lestari/', 'https://www.instagram.com/p/Abc/'].map(async (url) =>
        (await t.db.insertInto('reports').values({ source: 'public', url, platform: 'instagram', handle: url.includes('/p/') ? null : 'sri.lestari', description: 'Foto kampanye.', contact: 'rahasia@example.test', status: 'unlinked' }).returning('id').executeTakeFirstOrThrow()).id,
      ),
    );
    const listed = await central.get('/api/reports');
    expect(listed.statusCode).toBe(200);
    expect(listed.body).not.toContain('rahasia@example.test');
    expect((await reviewer.get('/api/reports')).statusCode).toBe(403);

    expect((await central.post(`/api/reports/${first}/link`, { nip: '199001012015011999' })).statusCode).toBe(400);
    const linked = await central.post(`/api/reports/${first}/link`, { nip });
    expect(linked.statusCode).toBe(200);
    const post = await t.db.selectFrom('posts').selectAll().where('report_id', '=', first!).executeTakeFirstOrThrow();
    expect(post).toMatchObject({ platform: 'instagram', author_handle: 'sri.lestari' });
    const account = await t.db.selectFrom('social_accounts').selectAll().where('id', '=', post.account_id!).executeTakeFirstOrThrow();
    expect(account).toMatchObject({ platform: 'instagram', handle: 'sri.lestari' });
    expect((await central.post(`/api/reports/${first}/link`, { nip })).statusCode).toBe(409);

    // A link that does not name the account needs the handle from the reviewer.
    expect((await central.post(`/api/reports/${second}/link`, { nip })).statusCode).toBe(400);
    expect((await central.post(`/api/reports/${second}/reject`, {})).json()).toMatchObject({ status: 'rejected' });
  });
});
