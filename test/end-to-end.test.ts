import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '@netra/core';
import { createUser, ReviewItemRepository } from '@netra/db';
import { startForwarder } from '@netra/forwarder';
import { buildReviewApp } from '@netra/review';
import { demoCivilServants } from './support/demo-registry.js';
import { loopbackAllowed } from '@netra/testing';
import { postToSim, startHarness, type Harness } from './support/pipeline-harness.js';
import { startSignedWebhookReceiver } from './support/signed-webhook-receiver.js';
import { signIn } from './support/review-client.js';

const signingSecret = randomBytes(32).toString('hex');
const partisanText = 'Ayo coblos nomor 2 tgl 14 Februari!! ✌️ #PrabowoGibran2024 menang satu putaran';
const neutralText = 'Rapat koordinasi pelayanan publik di lantai 2 jam 9 pagi, jangan lupa bawa laporan bulanan ya.';

let h: Harness;
let receiver: Awaited<ReturnType<typeof startSignedWebhookReceiver>>;
const asn = demoCivilServants()[0]!;
let partisanId: string;
let neutralId: string;

beforeAll(async () => {
  h = await startHarness();
  receiver = await startSignedWebhookReceiver(signingSecret);
  await h.t.db.updateTable('agencies').set({ webhook_url: receiver.url }).execute();
  partisanId = (await postToSim(h.sim.url, asn.handle, partisanText)).id;
  neutralId = (await postToSim(h.sim.url, asn.handle, neutralText)).id;
  await h.pipeline.runRound();
}, 180_000);

afterAll(async () => {
  await receiver?.close();
  await h?.close();
});

const postRow = (platformPostId: string) =>
  h.t.db.selectFrom('posts').selectAll().where('platform', '=', 'mastodon').where('platform_post_id', '=', platformPostId).executeTakeFirstOrThrow();

describe('a partisan post travels from the platform to the home agency', () => {
  it('is captured once with its text hash, and flagged with evidence pointing to the candidate', async () => {
    const post = await postRow(partisanId);
    expect(post.text).toBe(partisanText);
    expect(post.content_sha256).toBe(sha256Hex(partisanText));

    const item = await h.t.db.selectFrom('review_items').selectAll().where('post_id', '=', post.id).executeTakeFirstOrThrow();
    expect(item.status).toBe('open');
    const classification = await h.t.db
      .selectFrom('classifications')
      .selectAll()
      .where('id', '=', item.classification_id)
      .executeTakeFirstOrThrow();
    expect(classification.flagged).toBe(true);
    expect(classification.codes).toContain('number_symbol');
    const evidence = JSON.stringify(classification.evidence);
    expect(evidence).toContain('Prabowo');
    expect(evidence).toContain('pilpres-2024');
    expect(classification.classifier_version).toMatch(/\S+/);
  });

  it('does not flag a neutral post that mentions a number', async () => {
    const post = await postRow(neutralId);
    const classifications = await h.t.db.selectFrom('classifications').selectAll().where('post_id', '=', post.id).execute();
    expect(classifications).toHaveLength(1);
    expect(classifications[0]!.flagged).toBe(false);
    expect(await h.t.db.selectFrom('review_items').select('id').where('post_id', '=', post.id).execute()).toHaveLength(0);
  });

  it('reaches the agency exactly once, signed, after a reviewer of that agency confirms it', async () => {
    const post = await postRow(partisanId);
    const item = await h.t.db.selectFrom('review_items').selectAll().where('post_id', '=', post.id).executeTakeFirstOrThrow();
    const password = randomBytes(12).toString('hex');
    const agency = await h.t.db.selectFrom('agencies').select('id').where('code', '=', asn.agency_code).executeTakeFirstOrThrow();
    await createUser(h.t.db, { email: 'e2e.reviewer@example.test', displayName: 'E2E', role: 'reviewer', agencyId: agency.id, password });

    const app = await buildReviewApp({ db: h.t.db, logger: h.logger, insecureCookies: true, secondFactor: 'off' });
    const baseUrl = await app.listen({ host: '127.0.0.1', port: 0 });
    const forwarder = startForwarder({ db: h.t.db, logger: h.logger, signingSecret, outbound: loopbackAllowed, pollIntervalMs: 50 });
    try {
      const reviewer = await signIn(baseUrl, 'e2e.reviewer@example.test', password);
      const shown = await reviewer.get(`/api/review-items/${item.id}`);
      expect(shown.status).toBe(200);
      expect(JSON.stringify(await shown.json())).toContain(partisanText);
      expect((await reviewer.post(`/api/review-items/${item.id}/claim`, {})).status).toBe(200);
      const decision = await reviewer.post(`/api/review-items/${item.id}/decision`, {
        action: 'confirm',
        code: 'number_symbol',
        severity: 'berat',
        note: 'Ajakan mencoblos nomor urut 2.',
      });
      expect(decision.status).toBe(200);

      const deadline = Date.now() + 20_000;
      let forwarding;
      do {
        await new Promise((resolve) => setTimeout(resolve, 100));
        forwarding = await h.t.db.selectFrom('forwardings').selectAll().where('review_item_id', '=', item.id).executeTakeFirst();
      } while (forwarding?.status !== 'delivered' && Date.now() < deadline);
      expect(forwarding?.status).toBe('delivered');
      // Give a duplicate delivery, if there were one, time to arrive before counting.
      await new Promise((resolve) => setTimeout(resolve, 500));

      expect(receiver.deliveries).toHaveLength(1);
      const delivery = receiver.deliveries[0]!;
      expect(delivery.signatureValid).toBe(true);
      expect(delivery.headers['idempotency-key']).toBe(forwarding!.idempotency_key);
      expect(delivery.body).toContain(sha256Hex(partisanText));

      const { state, chainIntact } = await new ReviewItemRepository(h.t.db).rebuild(item.id);
      expect(state.status).toBe('confirmed');
      expect(chainIntact).toBe(true);
      const stored = await h.t.db.selectFrom('review_items').select('status').where('id', '=', item.id).executeTakeFirstOrThrow();
      expect(stored.status).toBe(state.status);
    } finally {
      await forwarder.close();
      await app.close();
    }
  });
});
