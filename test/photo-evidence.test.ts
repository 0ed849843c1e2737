import { createHash, randomBytes } from 'node:crypto';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, MediaRepository } from '@netra/db';
import { buildReviewApp, type ReviewApp } from '@netra/review';
import { seedAgency } from '@netra/testing';
import { signIn } from './support/review-client.js';
import { startHarness, type Harness } from './support/pipeline-harness.js';

// The demo world has two supporters re-uploading their pair's campaign poster under "Semangat
// pagi rekan-rekan 🙏", the campaigns' own posts of it, a neutrality reminder poster and an
// office notice (services/sim-platform/src/demo-world/poster-posts.ts).
let h: Harness;
let app: ReviewApp;
let baseUrl: string;
const password = randomBytes(12).toString('hex');

beforeAll(async () => {
  h = await startHarness();
  await h.pipeline.runRound();
  app = buildReviewApp({ db: h.t.db, logger: h.logger, insecureCookies: true, secondFactor: 'off', media: h.mediaDir });
  baseUrl = await app.listen({ host: '127.0.0.1', port: 0 });
}, 240_000);

afterAll(async () => {
  await app?.close();
  await h?.close();
});

const civilServantPostsSaying = (text: string) =>
  h.t.db
    .selectFrom('posts')
    .innerJoin('social_accounts as a', 'a.id', 'posts.account_id')
    .where('a.civil_servant_id', 'is not', null)
    .where('posts.text', '=', text)
    .select(['posts.id', 'a.civil_servant_id'])
    .execute();

async function posterItem() {
  const [post] = await civilServantPostsSaying('Semangat pagi rekan-rekan 🙏');
  const item = await h.t.db.selectFrom('review_items').selectAll().where('post_id', '=', post!.id).executeTakeFirstOrThrow();
  const [image] = (await new MediaRepository(h.t.db).ofPosts([post!.id])).get(post!.id)!;
  return { post: post!, item, sha256: image!.object!.sha256 };
}

async function reviewerOf(agencyId: number, email: string) {
  await createUser(h.t.db, { email, displayName: email, role: 'reviewer', agencyId, password });
  return signIn(baseUrl, email, password);
}

describe('a campaign poster posted under a harmless caption', () => {
  it('is fetched, read and flagged for what the image says, the evidence naming the image', async () => {
    const { item } = await posterItem();
    const classification = await h.t.db.selectFrom('classifications').selectAll().where('id', '=', item.classification_id).executeTakeFirstOrThrow();
    expect(classification.flagged).toBe(true);
    expect(classification.codes).toContain('number_symbol');
    const fromImage = (classification.evidence as { items: { source?: string; mediaIndex?: number; matchedText?: string }[] }).items.filter((e) => e.source === 'media');
    expect(fromImage.length).toBeGreaterThan(0);
    expect(fromImage.every((e) => e.mediaIndex === 0)).toBe(true);
    // The campaign's own post of the poster is the known original (the supporter's copy is smaller
    // and recompressed, another file): named, with its address and distance.
    const known = fromImage.find((e) => (e as { knownImage?: unknown }).knownImage) as { knownImage: { sha256: string; distance: number }; note: string } | undefined;
    expect(known?.note).toMatch(/sama dengan gambar di postingan .+ \(https?:\/\/.+\): beda hash \d dari 64 bit/);
    expect(known!.knownImage.distance).toBeLessThanOrEqual(4);
    const { sha256 } = await posterItem();
    expect(known!.knownImage.sha256).not.toBe(sha256);
  });

  it('leaves a neutrality reminder poster and an office notice unflagged, their words read', async () => {
    for (const [caption, word] of [['Pengingat untuk kita semua', 'NETRAL'], ['Mohon perhatian warga', 'PENGUMUMAN']] as const) {
      const [post] = await civilServantPostsSaying(caption);
      const [image] = (await new MediaRepository(h.t.db).ofPosts([post!.id])).get(post!.id)!;
      expect(image!.object!.ocrText).toContain(word);
      const classifications = await h.t.db.selectFrom('classifications').select('flagged').where('post_id', '=', post!.id).execute();
      expect(classifications.length).toBeGreaterThan(0);
      expect(classifications.every((c) => !c.flagged)).toBe(true);
    }
  });

  it("keeps every image of the world, the campaigns' own included, and leaves nothing for the reconciler", async () => {
    const states = await h.t.db.selectFrom('post_media').select(['state']).execute();
    expect(states.length).toBeGreaterThan(4);
    expect(states.every((s) => s.state === 'stored')).toBe(true);
    expect(await new MediaRepository(h.t.db).sweep(0)).toEqual({ toRead: [], toClassify: [] });
  });
});

describe('the reviewer sees the photo', () => {
  it('serves the original (its SHA-256 as named) and a thumbnail to a reviewer of the agency, on the item page with the read words marked', async () => {
    const { item, sha256 } = await posterItem();
    const reviewer = await reviewerOf(item.agency_id, 'foto.reviewer@example.test');
    const original = await reviewer.get(`/api/review-items/${item.id}/media/${sha256}`);
    expect(original.status).toBe(200);
    expect(original.headers.get('content-type')).toBe('image/jpeg'); // the supporter's re-upload
    expect(original.headers.get('cache-control')).toContain('private');
    expect(createHash('sha256').update(Buffer.from(await original.arrayBuffer())).digest('hex')).toBe(sha256);

    const thumb = await reviewer.get(`/api/review-items/${item.id}/media/${sha256}?size=thumb`);
    expect(thumb.headers.get('content-type')).toBe('image/jpeg');
    const { width, height } = await sharp(Buffer.from(await thumb.arrayBuffer())).metadata();
    expect(Math.max(width!, height!)).toBeLessThanOrEqual(480);

    const page = await (await reviewer.get(`/items/${item.id}`)).text();
    expect(page).toContain(`src="/api/review-items/${item.id}/media/${sha256}?size=thumb"`);
    // The campaign's original beside the copy, served for this item because its evidence names it.
    const campaignOriginal = /data-known-original="([0-9a-f]{64})"/.exec(page)?.[1];
    expect(campaignOriginal).toBeDefined();
    expect(campaignOriginal).not.toBe(sha256);
    expect((await reviewer.get(`/api/review-items/${item.id}/media/${campaignOriginal}?size=thumb`)).status).toBe(200);
    expect(page).toContain(sha256);
    expect(page).toMatch(/data-image-text>[^]*<mark[^>]*>[^<]*(COBLOS|NOMOR)/);
  });

  it("answers 404 for another agency's reviewer, for a file the item does not show, and for a malformed hash", async () => {
    const { item, sha256 } = await posterItem();
    const other = await reviewerOf((await seedAgency(h.t.db)).id, 'lain.reviewer@example.test');
    expect((await other.get(`/api/review-items/${item.id}/media/${sha256}`)).status).toBe(404);
    const classification = await h.t.db.selectFrom('classifications').select('evidence').where('id', '=', item.classification_id).executeTakeFirstOrThrow();
    const original = JSON.stringify(classification.evidence).match(/"knownImage":\{"sha256":"([0-9a-f]{64})"/)![1]!;
    expect((await other.get(`/api/review-items/${item.id}/media/${original}`)).status).toBe(404);
    const reviewer = await signIn(baseUrl, 'foto.reviewer@example.test', password);
    const [unrelated] = await h.t.db.selectFrom('media_objects').select('sha256').where('sha256', '<>', sha256).limit(1).execute();
    expect((await reviewer.get(`/api/review-items/${item.id}/media/${unrelated!.sha256}`)).status).toBe(404);
    expect((await reviewer.get(`/api/review-items/${item.id}/media/..%2F..%2Fetc%2Fpasswd`)).status).toBe(404);
  });

  it('forwards the case with the photo in it: thumbnails inside the report, the hashes beside them', async () => {
    const { item, sha256 } = await posterItem();
    const reviewer = await signIn(baseUrl, 'foto.reviewer@example.test', password);
    expect((await reviewer.post(`/api/review-items/${item.id}/claim`, {})).status).toBe(200);
    const decided = await reviewer.post(`/api/review-items/${item.id}/decision`, { action: 'confirm', code: 'campaign_content', severity: 'berat', note: 'Poster kampanye diunggah ulang.' });
    expect(decided.status).toBe(200);
    const forwarding = await h.t.db.selectFrom('forwardings').select(['report_html']).where('review_item_id', '=', item.id).executeTakeFirstOrThrow();
    expect(forwarding.report_html).toContain(sha256);
    expect(forwarding.report_html).toMatch(/<img src="data:image\/jpeg;base64,[A-Za-z0-9+/=]{100,}"/);
    expect(forwarding.report_html).toContain('data-known-original');
    const page = await reviewer.get(`/items/${item.id}/report`);
    expect(page.headers.get('content-security-policy')).toContain("img-src data:");
  });

  it('still shows the photo after the post was deleted on the platform', async () => {
    const { post, item, sha256 } = await posterItem();
    await h.t.db.updateTable('posts').set({ deleted_at: new Date() }).where('id', '=', post.id).execute();
    const reviewer = await signIn(baseUrl, 'foto.reviewer@example.test', password);
    expect((await reviewer.get(`/api/review-items/${item.id}/media/${sha256}`)).status).toBe(200);
  });
});
