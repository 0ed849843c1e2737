import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '@netra/db';
import { buildReviewApp, type ReviewApp } from '@netra/review';
import { buildDemoScenario } from '@netra/sim-platform';
import { signIn } from './support/review-client.js';
import { startHarness, type Harness } from './support/pipeline-harness.js';

// A citizen reports the demo world's TikTok video of a partisan ASN (TikTok cannot be polled);
// the pipeline's Chromium opens it (www.tiktok.com mapped to the sim), links it to the ASN's
// registered TikTok account and queues it as their post.
const [page] = buildDemoScenario().reportedPages;
let h: Harness;
let app: ReviewApp;
let baseUrl: string;
let reportId: string;
const password = randomBytes(12).toString('hex');

beforeAll(async () => {
  h = await startHarness();
  app = buildReviewApp({ db: h.t.db, logger: h.logger, insecureCookies: true, secondFactor: 'off', media: h.mediaDir });
  baseUrl = await app.listen({ host: '127.0.0.1', port: 0 });
  // The ASN's TikTok account is registered; the citizen's report goes in through /lapor.
  const civilServant = await h.t.db.selectFrom('civil_servants').select('id').where('nip', '=', page!.nip).executeTakeFirstOrThrow();
  await h.t.db
    .insertInto('social_accounts')
    .values({ platform: 'tiktok', handle: page!.handle, platform_account_id: null, civil_servant_id: civilServant.id, candidate_id: null, poll_cursor: null, last_polled_at: null, last_error: null })
    .execute();
  const body = new FormData();
  body.set('url', page!.url);
  body.set('description', page!.description);
  body.set('contact', 'warga.peduli@example.test');
  const response = await fetch(`${baseUrl}/lapor`, { method: 'POST', body });
  expect(response.status).toBe(200);
  reportId = /data-report-id>(\d+)</.exec(await response.text())![1]!;
  await h.pipeline.runRound();
}, 240_000);

afterAll(async () => {
  await app?.close();
  await h?.close();
});

async function reportItem() {
  const post = await h.t.db.selectFrom('posts').selectAll().where('report_id', '=', reportId).executeTakeFirstOrThrow();
  return h.t.db.selectFrom('review_items').selectAll().where('post_id', '=', post.id).executeTakeFirstOrThrow();
}

describe("a citizen's report of a post on a platform Netra cannot poll", () => {
  it('is captured, linked to the registered ASN and queued, marked as from a report', async () => {
    const report = await h.t.db.selectFrom('reports').selectAll().where('id', '=', reportId).executeTakeFirstOrThrow();
    expect(report).toMatchObject({ status: 'linked', http_status: 200, login_wall: false, capture_error: null });
    const item = await reportItem();
    const agencyOf = await h.t.db.selectFrom('civil_servants').select('agency_id').where('nip', '=', page!.nip).executeTakeFirstOrThrow();
    expect(item.agency_id).toBe(agencyOf.agency_id);
    await createUser(h.t.db, { email: 'lapor.reviewer@example.test', displayName: 'Peninjau', role: 'reviewer', agencyId: item.agency_id, password });
    const reviewer = await signIn(baseUrl, 'lapor.reviewer@example.test', password);
    const queue = (await (await reviewer.get('/api/review-items?platform=tiktok')).json()) as { items: { id: string; from_report: boolean }[] };
    expect(queue.items).toContainEqual(expect.objectContaining({ id: item.id, from_report: true }));
  });

  it("shows the reviewer the report, the capture and the screenshot with its words — the reporter's contact on the case only", async () => {
    const item = await reportItem();
    const reviewer = await signIn(baseUrl, 'lapor.reviewer@example.test', password);
    const html = await (await reviewer.get(`/items/${item.id}`)).text();
    expect(html).toContain(`data-report="${reportId}"`);
    expect(html).toContain('warga.peduli@example.test');
    expect(html).toMatch(/data-image-text>[^]*COBLOS/);

    expect((await reviewer.post(`/api/review-items/${item.id}/claim`, {})).status).toBe(200);
    const decided = await reviewer.post(`/api/review-items/${item.id}/decision`, { action: 'confirm', code: 'campaign_content', severity: 'berat', note: 'Video TikTok mengajak memilih.' });
    expect(decided.status).toBe(200);
    const forwarding = await h.t.db.selectFrom('forwardings').selectAll().where('review_item_id', '=', item.id).executeTakeFirstOrThrow();
    const forwarded = JSON.stringify(forwarding.report) + (forwarding.report_html ?? '');
    expect(forwarded).toContain(page!.url);
    expect(forwarded).not.toContain('warga.peduli@example.test');
  });
});
