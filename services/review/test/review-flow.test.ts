import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { citationOf } from '@netra/classifier/citations';
import { createLogger } from '@netra/core';
import { createTestDatabase, FIXTURE_RULE, seedAgency, type SeededAgency, seedFlaggedEngagement, seedFlaggedPost, seedUser, type TestDatabase } from '@netra/testing';
import { buildReviewApp, type ReviewApp } from '../src/index.js';
import { signIn, type ApiClient } from './support/client.js';

let t: TestDatabase;
let app: ReviewApp;
let agency: SeededAgency;
let alice: ApiClient;
let bob: ApiClient;
let aliceId: number;
let supervisor: ApiClient;

const logger = createLogger('review-test', 'silent');
const confirm = { action: 'confirm', code: 'number_symbol', severity: 'berat', note: 'Jelas mengajak memilih 02' };

beforeAll(async () => {
  t = await createTestDatabase();
  app = buildReviewApp({ db: t.db, logger, insecureCookies: true, secondFactor: 'off' });
  agency = await seedAgency(t.db);
  const a = await seedUser(t.db, 'reviewer', agency);
  aliceId = a.id;
  alice = await signIn(app, a.email);
  bob = await signIn(app, (await seedUser(t.db, 'reviewer', agency)).email);
  supervisor = await signIn(app, (await seedUser(t.db, 'supervisor', agency)).email);
});
afterAll(async () => {
  await app?.close();
  await t?.drop();
});

const forwardingsOf = (itemId: string) =>
  t.db.selectFrom('forwardings').selectAll().where('review_item_id', '=', itemId).execute();

describe('claims', () => {
  it('refuses a claim someone else holds with 409 NETRA_CLAIM_HELD; the holder renews', async () => {
    const { itemId } = await seedFlaggedPost(t.db, agency);
    expect((await bob.get(`/api/review-items/${itemId}`)).json().available_actions).toEqual(['claim']);
    const first = await alice.post(`/api/review-items/${itemId}/claim`);
    expect(first.statusCode).toBe(200);
    // The API says what each person can do now, as the page offers it.
    expect((await alice.get(`/api/review-items/${itemId}`)).json().available_actions).toEqual(['confirm', 'dismiss', 'escalate', 'hold', 'release']);
    expect((await bob.get(`/api/review-items/${itemId}`)).json().available_actions).toEqual([]);
    const taken = await bob.post(`/api/review-items/${itemId}/claim`);
    expect(taken.statusCode).toBe(409);
    expect(taken.json().code).toBe('NETRA_CLAIM_HELD');
    const renewed = await alice.post(`/api/review-items/${itemId}/claim`);
    expect(renewed.statusCode).toBe(200);
    expect(new Date(renewed.json().claim_expires_at).getTime()).toBeGreaterThan(new Date(first.json().claim_expires_at).getTime());
    const decidedByBob = await bob.post(`/api/review-items/${itemId}/decision`, confirm);
    expect(decidedByBob.statusCode).toBe(409);
    expect(decidedByBob.json().code).toBe('NETRA_CLAIM_REQUIRED');
  });

  it('frees an item when the lease runs out: it shows as open, the old holder can no longer decide', async () => {
    const shortLease = buildReviewApp({ db: t.db, logger, insecureCookies: true, secondFactor: 'off', claimLeaseSeconds: 1 });
    try {
      const { itemId } = await seedFlaggedPost(t.db, agency);
      const carol = await signIn(shortLease, (await seedUser(t.db, 'reviewer', agency)).email);
      expect((await carol.post(`/api/review-items/${itemId}/claim`)).statusCode).toBe(200);
      expect((await bob.get(`/api/review-items/${itemId}`)).json().status).toBe('claimed');
      await new Promise((resolve) => setTimeout(resolve, 1200));

      const queued = (await bob.get('/api/review-items')).json().items.find((i: { id: string }) => i.id === itemId);
      expect(queued?.status).toBe('open');
      expect((await bob.get(`/api/review-items/${itemId}`)).json()).toMatchObject({ status: 'open', claim: null });
      const late = await carol.post(`/api/review-items/${itemId}/decision`, confirm);
      expect(late.statusCode).toBe(409);
      expect(late.json().code).toBe('NETRA_CLAIM_REQUIRED');
      expect((await bob.post(`/api/review-items/${itemId}/claim`)).statusCode).toBe(200);
      expect(await forwardingsOf(itemId)).toHaveLength(0);
    } finally {
      await shortLease.close();
    }
  });
});

describe('confirm', () => {
  it('appends the confirmed event and exactly one forwarding row pointing at it, with the full report', async () => {
    const { itemId } = await seedFlaggedPost(t.db, agency, { text: 'Coblos nomor 2 ya ✌️' });
    await alice.post(`/api/review-items/${itemId}/claim`);
    const response = await alice.post(`/api/review-items/${itemId}/decision`, confirm);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ status: 'confirmed', event: { type: 'confirmed' }, forwarding: { status: 'pending' } });

    const rows = await forwardingsOf(itemId);
    expect(rows).toHaveLength(1);
    const forwarding = rows[0]!;
    const event = await t.db.selectFrom('review_events').selectAll().where('id', '=', forwarding.confirm_event_id).executeTakeFirstOrThrow();
    expect(event).toMatchObject({ review_item_id: itemId, type: 'confirmed', actor_user_id: aliceId });
    expect(forwarding.idempotency_key).toMatch(/^[0-9a-f-]{36}$/);
    expect(forwarding.agency_id).toBe(agency.id);

    const report = forwarding.report as Record<string, any>;
    // The citation in Indonesian, as the agency reads it, whatever language the evidence stored.
    expect(report.decision).toMatchObject({ code: 'number_symbol', severity: 'berat', rule: citationOf('number_symbol', 'id'), note: confirm.note, reviewer: { id: aliceId }, approval: null });
    expect(forwarding.report_html).toContain('Laporan dugaan pelanggaran netralitas ASN');
    expect(forwarding.channel).toBe('webhook');
    expect(report.subject.post).toMatchObject({ text: 'Coblos nomor 2 ya ✌️', url: expect.stringMatching(/^https:/) });
    expect(report.subject.post.content_sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(report.subject.post.captured_at).toBeTruthy();
    expect(report.classification.evidence.items[0]).toMatchObject({ matchedText: 'Coblos', span: { start: 0, end: 6 }, rule: FIXTURE_RULE });
    expect(report.civil_servant).toMatchObject({ nip: expect.stringMatching(/^\d{18}$/), agency: { id: agency.id } });
    expect(report.history.map((h: { type: string }) => h.type)).toEqual(['opened', 'claimed', 'confirmed']);
  });

  it('refuses a second confirm, and the first forwarding stays the only one', async () => {
    const { itemId } = await seedFlaggedPost(t.db, agency);
    await alice.post(`/api/review-items/${itemId}/claim`);
    expect((await alice.post(`/api/review-items/${itemId}/decision`, confirm)).statusCode).toBe(200);
    const again = await alice.post(`/api/review-items/${itemId}/decision`, confirm);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('NETRA_ALREADY_DECIDED');
    expect((await alice.post(`/api/review-items/${itemId}/claim`)).statusCode).toBe(409);
    expect(await forwardingsOf(itemId)).toHaveLength(1);
  });

  it('is one transaction: if the outbox insert fails, the confirm is not recorded either', async () => {
    const { itemId } = await seedFlaggedPost(t.db, agency);
    await alice.post(`/api/review-items/${itemId}/claim`);
    await sql`
      CREATE FUNCTION fail_outbox() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'outbox down'; END $$;
      CREATE TRIGGER fail_outbox BEFORE INSERT ON forwardings FOR EACH ROW EXECUTE FUNCTION fail_outbox();
    `.execute(t.db);
    try {
      const response = await alice.post(`/api/review-items/${itemId}/decision`, confirm);
      expect(response.statusCode).toBe(500);
      expect(response.json()).toEqual({ code: 'NETRA_INTERNAL', message: 'Terjadi kesalahan di server; sudah dicatat.' });
    } finally {
      await sql`DROP TRIGGER fail_outbox ON forwardings; DROP FUNCTION fail_outbox();`.execute(t.db);
    }
    const events = await t.db.selectFrom('review_events').select('type').where('review_item_id', '=', itemId).orderBy('seq').execute();
    expect(events.map((e) => e.type)).toEqual(['opened', 'claimed']);
    expect((await alice.get(`/api/review-items/${itemId}`)).json().status).toBe('claimed');
    // And with the outbox back, the same claim can still confirm.
    expect((await alice.post(`/api/review-items/${itemId}/decision`, confirm)).statusCode).toBe(200);
    expect(await forwardingsOf(itemId)).toHaveLength(1);
  });
});

describe('no path to a forwarding without a confirm (invariant 1)', () => {
  it('the API has exactly these routes; only the decision route with action confirm writes the outbox', async () => {
    const probe = buildReviewApp({ db: t.db, logger, insecureCookies: true, secondFactor: 'off' });
    const routes: string[] = [];
    probe.addHook('onRoute', (route) => {
      for (const method of [route.method].flat()) if (method !== 'HEAD') routes.push(`${method} ${route.url}`);
    });
    await probe.ready();
    await probe.close();
    // A new state-changing route must be added here, deliberately, after checking it cannot forward.
    expect(routes.sort()).toEqual(
      [
        'DELETE /api/session',
        'GET /',
        'GET /api/me',
        'GET /api/review-items',
        'GET /api/review-items/:id',
        'GET /api/review-items/:id/media/:sha256',
        'GET /items/:id',
        'GET /items/:id/report',
        'GET /items/next',
        'GET /queue',
        'GET /admin',
        'GET /static/*',
        // Statistics and service endpoints (issue #6): read-only.
        'GET /api/stats',
        'GET /api/stats/:report',
        'GET /stats',
        'GET /stats/assets/*',
        'GET /healthz',
        'GET /readyz',
        'GET /api/admin/users',
        'GET /api/admin/agencies',
        'POST /api/admin/users',
        'PATCH /api/admin/users/:id',
        'PATCH /api/admin/agencies/:id',
        // Recomputes projections from the log; it appends nothing and writes no outbox row.
        'POST /api/admin/rebuild-status',
        'POST /api/review-items/:id/claim',
        'POST /api/review-items/:id/decision',
        // Claims and dismisses only: the same path as by hand, never a confirm.
        'POST /api/review-items/bulk-dismiss',
        // Puts an existing (confirmed) forwarding back to pending; never creates one.
        'POST /api/forwardings/:id/retry',
        'POST /api/session',
        // Second factor (issue 14): the viewer's own enrolment; no item or outbox is touched.
        'GET /totp',
        'POST /api/me/totp/setup',
        'POST /api/me/totp',
        // Reports (issue 12): a report becomes a post at most, classified and queued like any
        // other; nothing here confirms or writes the outbox.
        'GET /lapor',
        'POST /lapor',
        'POST /api/reports',
        'GET /api/reports',
        'POST /api/reports/:id/link',
        'POST /api/reports/:id/reject',
      ].sort(),
    );
  });

  it('every other action, and every refused confirm, leaves the outbox empty', async () => {
    const before = await t.db.selectFrom('forwardings').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
    const { itemId } = await seedFlaggedPost(t.db, agency);
    const item = `/api/review-items/${itemId}`;
    expect((await alice.post(`${item}/decision`, confirm)).statusCode).toBe(409); // no claim
    await alice.post(`${item}/claim`);
    expect((await alice.post(`${item}/decision`, { ...confirm, code: 'not_a_code' })).statusCode).toBe(400);
    expect((await alice.post(`${item}/decision`, { ...confirm, forwarding: true })).statusCode).toBe(400);
    expect((await bob.post(`${item}/decision`, confirm)).statusCode).toBe(409); // not the holder
    expect((await alice.post(`${item}/decision`, { action: 'hold', note: 'Konsultasi Bawaslu' })).json().status).toBe('on_hold');
    await alice.post(`${item}/claim`);
    expect((await alice.post(`${item}/decision`, { action: 'escalate', note: 'Perlu pendapat atasan' })).statusCode).toBe(200);
    // Escalation goes up: the reviewer cannot take it back, the supervisor can.
    expect((await alice.post(`${item}/claim`)).statusCode).toBe(403);
    await supervisor.post(`${item}/claim`);
    expect((await supervisor.post(`${item}/decision`, { action: 'release' })).json().status).toBe('escalated');
    await supervisor.post(`${item}/claim`);
    expect((await supervisor.post(`${item}/decision`, { action: 'dismiss', reason: 'not_partisan' })).statusCode).toBe(200);
    const reopened = await supervisor.post(`${item}/decision`, { action: 'reopen', reason: 'Perlu ditinjau ulang' });
    expect(reopened.json().status).toBe('escalated');
    const after = await t.db.selectFrom('forwardings').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });
});

describe('decision validation', () => {
  it.each([
    [{ action: 'dismiss', reason: 'other' }, 'note'],
    [{ action: 'dismiss', reason: 'because' }, 'reason'],
    [{ action: 'escalate' }, 'note'],
    [{ action: 'confirm', code: 'number_symbol', severity: 'fatal' }, 'severity'],
    [{ action: 'reopen' }, 'reason'],
    [{ action: 'hold' }, 'note'],
    [{ action: 'frobnicate' }, 'action'],
  ])('rejects %j with 400 naming %s', async (body, field) => {
    const { itemId } = await seedFlaggedPost(t.db, agency);
    await alice.post(`/api/review-items/${itemId}/claim`);
    const response = await alice.post(`/api/review-items/${itemId}/decision`, body);
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('NETRA_INVALID_INPUT');
    expect(response.json().details.map((d: { path: string }) => d.path)).toContain(field);
  });

  it("accepts dismiss 'other' with a note", async () => {
    const { itemId } = await seedFlaggedPost(t.db, agency);
    await alice.post(`/api/review-items/${itemId}/claim`);
    const response = await alice.post(`/api/review-items/${itemId}/decision`, { action: 'dismiss', reason: 'other', note: 'Akun parodi' });
    expect(response.json().status).toBe('dismissed');
  });
});

describe('the queue and the item view', () => {
  it('sorts by priority then id, pages with a cursor, and filters', async () => {
    const own = await seedAgency(t.db);
    const reviewer = await signIn(app, (await seedUser(t.db, 'reviewer', own)).email);
    const priorities = [0.3, 0.9, 0.6, 0.9, 0.1];
    const ids: string[] = [];
    for (const priority of priorities) ids.push((await seedFlaggedPost(t.db, own, { priority, codes: priority > 0.5 ? ['campaign_content'] : ['number_symbol'] })).itemId);
    const expected = [ids[1], ids[3], ids[2], ids[0], ids[4]];

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { id: string }[]; next_cursor: string | null } = (
        await reviewer.get(`/api/review-items?limit=2${cursor ? `&cursor=${cursor}` : ''}`)
      ).json();
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((i) => i.id));
      cursor = page.next_cursor;
    } while (cursor);
    expect(seen).toEqual(expected);

    const byCode = (await reviewer.get('/api/review-items?code=campaign_content')).json();
    expect(byCode.items.map((i: { id: string }) => i.id)).toEqual([ids[1], ids[3], ids[2]]);
    expect((await reviewer.get('/api/review-items?platform=bluesky')).json().items).toEqual([]);
    expect((await reviewer.get('/api/review-items?status=confirmed')).json().items).toEqual([]);
    expect((await reviewer.get('/api/review-items?from=2999-01-01T00:00:00Z')).json().items).toEqual([]);
    expect((await reviewer.get('/api/review-items?status=bogus')).statusCode).toBe(400);
    expect((await reviewer.get('/api/review-items?cursor=bm9wZQ')).statusCode).toBe(400);

    // Oldest first, for a team clearing its backlog: by age alone, paged the same way.
    const oldest: string[] = [];
    cursor = null;
    do {
      const page: { items: { id: string }[]; next_cursor: string | null } = (
        await reviewer.get(`/api/review-items?sort=oldest&limit=2${cursor ? `&cursor=${cursor}` : ''}`)
      ).json();
      oldest.push(...page.items.map((i) => i.id));
      cursor = page.next_cursor;
    } while (cursor);
    expect(oldest).toEqual(ids);
    expect((await reviewer.get('/api/review-items?sort=newest')).statusCode).toBe(400);
    const oldestQueue = (await reviewer.get('/queue?sort=oldest')).body;
    expect(oldestQueue).toContain('<option value="oldest" selected>Terlama dulu</option>');
    // The order goes along to the item and to the next one after it.
    expect(oldestQueue).toContain(`href="/items/${ids[0]}?sort=oldest"`);
    expect((await reviewer.get(`/items/${ids[0]}?sort=oldest`)).body).toContain(`href="/items/next?after=${ids[0]}&amp;sort=oldest"`);
    expect((await reviewer.get(`/items/next?after=${ids[1]}`)).headers.location).toBe(`/items/${ids[3]}`);
    expect((await reviewer.get(`/items/next?after=${ids[0]}&sort=oldest`)).headers.location).toBe(`/items/${ids[1]}?sort=oldest`);

    const row = byCode.items[0];
    expect(row).toMatchObject({ status: 'open', priority: 0.9, codes: ['campaign_content'], subject_kind: 'post', platform: 'mastodon', agency: { id: own.id } });
    expect(row.civil_servant.name).toMatch(/^ASN Uji/);
    expect(row.excerpt).toContain('coblos');
  });

  it('shows an engagement with the target post, the comment, the civil servant and the history', async () => {
    const { itemId } = await seedFlaggedEngagement(t.db, agency, 'comment', {
      targetText: 'Deklarasi relawan 02 besok!',
      commentText: 'Hadir! Menangkan 02',
    });
    const detail = (await alice.get(`/api/review-items/${itemId}`)).json();
    expect(detail.subject).toMatchObject({
      kind: 'engagement',
      engagement_kind: 'comment',
      target_post: { text: 'Deklarasi relawan 02 besok!', author_handle: 'kandidat_resmi' },
      comment_post: { text: 'Hadir! Menangkan 02' },
    });
    expect(detail.civil_servant).toMatchObject({ nip: expect.stringMatching(/^\d{18}$/), region: { code: agency.regionCode }, spouse_candidate: null });
    expect(detail.classification).toMatchObject({ codes: ['number_symbol'], suggested_severity: 'berat', classifier_version: 'test-1' });
    expect(detail.history).toEqual([expect.objectContaining({ seq: 1, type: 'opened', actor: null })]);
    const queued = (await alice.get('/api/review-items')).json().items.find((i: { id: string }) => i.id === itemId);
    expect(queued).toMatchObject({ subject_kind: 'comment', excerpt: 'Hadir! Menangkan 02' });
  });
});
