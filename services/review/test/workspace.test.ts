import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '@netra/core';
import { ReviewItemRepository } from '@netra/db';
import {
  createTestDatabase,
  PASSWORD,
  seedAgency,
  seedAnotherFlaggedPost,
  seedConfirmedForwarding,
  seedFlaggedPost,
  seedUser,
  type SeededAgency,
  type TestDatabase,
} from '@netra/testing';
import { buildReviewApp, type ReviewApp } from '../src/index.js';
import { signIn, type ApiClient } from './support/client.js';

let t: TestDatabase;
let app: ReviewApp;
let agency: SeededAgency;
let fourEyesAgency: SeededAgency;
let otherAgency: SeededAgency;

const logger = createLogger('review-test', 'silent');
const confirm = { action: 'confirm', code: 'number_symbol', severity: 'berat', note: 'Mengajak mencoblos' };

beforeAll(async () => {
  t = await createTestDatabase();
  app = buildReviewApp({ db: t.db, logger, insecureCookies: true, secondFactor: 'off' });
  agency = await seedAgency(t.db);
  fourEyesAgency = await seedAgency(t.db, { requiresFourEyes: true });
  otherAgency = await seedAgency(t.db);
});
afterAll(async () => {
  await app?.close();
  await t?.drop();
});

const user = async (role: Parameters<typeof seedUser>[1], of: SeededAgency | null) => {
  const seeded = await seedUser(t.db, role, of);
  return { ...seeded, client: await signIn(app, seeded.email) };
};
const forwardingsOf = (itemId: string) => t.db.selectFrom('forwardings').selectAll().where('review_item_id', '=', itemId).execute();
const eventsOf = (itemId: string) => t.db.selectFrom('review_events').selectAll().where('review_item_id', '=', itemId).orderBy('seq').execute();

async function claimAndConfirm(client: ApiClient, itemId: string) {
  expect((await client.post(`/api/review-items/${itemId}/claim`)).statusCode).toBe(200);
  return client.post(`/api/review-items/${itemId}/decision`, confirm);
}

describe('four eyes', () => {
  it("holds a confirm until a different supervisor approves it; only then is the case queued for forwarding", async () => {
    const reviewer = await user('reviewer', fourEyesAgency);
    const supervisor = await user('supervisor', fourEyesAgency);
    const { itemId } = await seedFlaggedPost(t.db, fourEyesAgency);

    const confirmed = await claimAndConfirm(reviewer.client, itemId);
    expect(confirmed.json()).toMatchObject({ status: 'awaiting_approval', forwarding: null });
    expect(await forwardingsOf(itemId)).toHaveLength(0);
    expect((await reviewer.client.post(`/api/review-items/${itemId}/decision`, { action: 'approve' })).statusCode).toBe(403);

    const approved = await supervisor.client.post(`/api/review-items/${itemId}/decision`, { action: 'approve', note: 'Setuju' });
    expect(approved.json()).toMatchObject({ status: 'confirmed', event: { type: 'approved' } });
    const [forwarding] = await forwardingsOf(itemId);
    const approval = (await eventsOf(itemId)).find((e) => e.type === 'approved')!;
    expect(forwarding!.approve_event_id).toBe(approval.id);
    const report = forwarding!.report as { decision: { reviewer: { id: number }; approval: { approver: { id: number } } } };
    expect(report.decision.reviewer.id).toBe(reviewer.id);
    expect(report.decision.approval.approver.id).toBe(supervisor.id);
    expect(forwarding!.report_html).toContain('Disetujui oleh');
  });

  it('refuses a supervisor approving their own confirm, in the API and in the database', async () => {
    const supervisor = await user('supervisor', fourEyesAgency);
    const { itemId } = await seedFlaggedPost(t.db, fourEyesAgency);
    await claimAndConfirm(supervisor.client, itemId);
    const own = await supervisor.client.post(`/api/review-items/${itemId}/decision`, { action: 'approve' });
    expect(own.statusCode).toBe(409);
    expect(own.json().code).toBe('NETRA_REVIEW_TRANSITION');

    // Below the state machine, the database itself refuses the same approval...
    const [last] = (await eventsOf(itemId)).slice(-1);
    await expect(
      t.db
        .insertInto('review_events')
        .values({ review_item_id: itemId, seq: last!.seq + 1, type: 'approved', actor_user_id: supervisor.id, payload: '{}', prev_hash: last!.hash, hash: 'f'.repeat(64) })
        .execute(),
    ).rejects.toThrow(/four eyes/);
    // ...and any forwarding of a four-eyes agency's case that names no approval.
    await expect(
      t.db
        .insertInto('forwardings')
        .values({ review_item_id: itemId, confirm_event_id: last!.id, agency_id: fourEyesAgency.id, idempotency_key: crypto.randomUUID(), report: '{}' })
        .execute(),
    ).rejects.toThrow(/four-eyes approval/);
  });
});

describe('sign-in lockout', () => {
  it('locks an address after five failures, known or not, and an admin can unlock it', async () => {
    const reviewer = await seedUser(t.db, 'reviewer', agency);
    const admin = await user('admin', null);
    const attempt = (email: string, password: string) => app.inject({ method: 'POST', url: '/api/session', payload: { email, password } });
    for (const email of [reviewer.email, 'nobody@netra.test']) {
      for (let i = 0; i < 5; i++) expect((await attempt(email, 'salah-salah-salah')).statusCode).toBe(401);
    }
    const locked = await attempt(reviewer.email, PASSWORD);
    expect(locked.statusCode).toBe(429);
    expect(locked.json().code).toBe('NETRA_SIGN_IN_LOCKED');
    expect((await attempt('nobody@netra.test', PASSWORD)).json().code).toBe('NETRA_SIGN_IN_LOCKED');

    expect((await admin.client.get('/admin')).body).toContain(reviewer.email);
    const unlock = await app.inject({
      method: 'PATCH',
      url: `/api/admin/users/${reviewer.id}`,
      headers: { cookie: admin.client.cookie, 'x-netra-csrf': admin.client.csrf },
      payload: { unlock: 'true' },
    });
    expect(unlock.statusCode).toBe(200);
    expect((await attempt(reviewer.email, PASSWORD)).statusCode).toBe(200);
  });

  const from = (remoteAddress: string) => (email: string, password: string) =>
    app.inject({ method: 'POST', url: '/api/session', payload: { email, password }, remoteAddress });

  it("an attacker's failures lock only the attacker's client: the reviewer signs in from their own", async () => {
    const reviewer = await seedUser(t.db, 'reviewer', agency);
    const attacker = from('203.0.113.9');
    for (let i = 0; i < 5; i++) expect((await attacker(reviewer.email, 'tebakan-yang-salah')).statusCode).toBe(401);
    expect((await attacker(reviewer.email, PASSWORD)).statusCode).toBe(429);
    expect((await from('198.51.100.4')(reviewer.email, PASSWORD)).statusCode).toBe(200);
    // One IPv6 /64 is one client: rotating addresses inside it does not get fresh tries.
    const v6 = (n: number) => from(`2001:db8:1:2::${n.toString(16)}`);
    for (let i = 0; i < 5; i++) expect((await v6(i + 1)(reviewer.email, 'tebakan-yang-salah')).statusCode).toBe(401);
    expect((await v6(99)(reviewer.email, PASSWORD)).statusCode).toBe(429);
  });

  it('each further lock of the same client lasts twice as long', async () => {
    const reviewer = await seedUser(t.db, 'reviewer', agency);
    const attacker = from('203.0.113.10');
    const lockSeconds = async () => {
      for (let i = 0; i < 5; i++) await attacker(reviewer.email, 'tebakan-yang-salah');
      const locked = await attacker(reviewer.email, PASSWORD);
      expect(locked.statusCode).toBe(429);
      const until = Date.parse(locked.json().details.locked_until);
      // As if the lock had run out: the count of locks stays.
      await t.db.updateTable('sign_in_throttle').set({ locked_until: new Date(Date.now() - 1000) }).where('client', '=', '203.0.113.10').execute();
      return Math.round((until - Date.now()) / 1000);
    };
    const first = await lockSeconds();
    const second = await lockSeconds();
    const third = await lockSeconds();
    expect(first).toBeGreaterThan(50);
    expect(first).toBeLessThanOrEqual(60);
    expect(second / first).toBeCloseTo(2, 0);
    expect(third / second).toBeCloseTo(2, 0);
  });

  it('spraying one password over many addresses from one client locks that client, and only it', async () => {
    const reviewer = await seedUser(t.db, 'reviewer', agency);
    const sprayer = from('203.0.113.11');
    const answers = [];
    for (let i = 0; i < 40; i++) answers.push((await sprayer(`petugas${i}@bkd.example.go.id`, 'Jakarta2024!!')).statusCode);
    expect(answers.slice(0, 20)).toEqual(Array(20).fill(401));
    expect(answers.slice(20)).toEqual(Array(20).fill(429));
    expect((await sprayer(reviewer.email, PASSWORD)).statusCode).toBe(429);
    expect((await from('203.0.113.12')(reviewer.email, PASSWORD)).statusCode).toBe(200);
  });
});

describe('agency webhooks', () => {
  it('refuses an internal address with a 400 that says why, and takes a public one', async () => {
    const admin = await user('admin', null);
    const setWebhook = (webhook_url: string) =>
      app.inject({
        method: 'PATCH',
        url: `/api/admin/agencies/${otherAgency.id}`,
        headers: { cookie: admin.client.cookie, 'x-netra-csrf': admin.client.csrf },
        payload: { webhook_url },
      });
    for (const internal of ['http://127.0.0.1:6379/', 'http://169.254.169.254/latest/meta-data/', 'http://[::1]/', 'http://0x7f000001/', 'http://10.0.0.1/']) {
      const refused = await setWebhook(internal);
      expect(refused.statusCode).toBe(400);
      expect(JSON.stringify(refused.json().details)).toMatch(/alamat internal/);
    }
    expect((await setWebhook('https://bkd.example.go.id/netra')).statusCode).toBe(200);
    const stored = await t.db.selectFrom('agencies').select('webhook_url').where('id', '=', otherAgency.id).executeTakeFirstOrThrow();
    expect(stored.webhook_url).toBe('https://bkd.example.go.id/netra');
  });
});

describe('read audit and the item workspace', () => {
  it("logs who opened a case, tells others who is viewing, and lists the person's other items", async () => {
    const alice = await user('reviewer', agency);
    const bob = await user('reviewer', agency);
    const { itemId, civilServantId } = await seedFlaggedPost(t.db, agency);
    const { itemId: laterId } = await seedAnotherFlaggedPost(t.db, agency, civilServantId);

    const detail = (await alice.client.get(`/api/review-items/${itemId}`)).json();
    expect(detail.earlier_items.map((e: { id: string }) => e.id)).toEqual([laterId]);
    expect(detail.classification.findings[0]).toMatchObject({ code: 'number_symbol', matchedText: 'coblos' });
    const page = await bob.client.get(`/items/${itemId}`);
    expect(page.body).toMatch(/data-viewers>[^<]*Pengguna reviewer/);
    expect(page.body).toContain('<mark title="Nomor urut / simbol jari">coblos</mark>');

    const views = await t.db.selectFrom('case_views').select(['user_id']).where('review_item_id', '=', itemId).execute();
    expect(views.map((v) => v.user_id).sort()).toEqual([alice.id, bob.id].sort());
    await expect(sql`UPDATE case_views SET user_id = ${alice.id}`.execute(t.db)).rejects.toThrow(/append-only/);
  });
});

describe('bulk dismiss', () => {
  it('dismisses each item through claim and dismiss events that share one batch id, and skips what it cannot see', async () => {
    const reviewer = await user('reviewer', agency);
    const mine = [(await seedFlaggedPost(t.db, agency)).itemId, (await seedFlaggedPost(t.db, agency)).itemId];
    const theirs = (await seedFlaggedPost(t.db, otherAgency)).itemId;
    const response = await reviewer.client.post('/api/review-items/bulk-dismiss', { ids: [...mine, theirs], reason: 'not_partisan' });
    const result = response.json();
    expect(result.dismissed).toEqual(mine);
    expect(result.skipped).toEqual([expect.objectContaining({ id: theirs, code: 'NETRA_NOT_FOUND' })]);
    for (const itemId of mine) {
      const events = await eventsOf(itemId);
      expect(events.map((e) => e.type)).toEqual(['opened', 'claimed', 'dismissed']);
      for (const e of events.slice(1)) expect((e.payload as { batch_id: string }).batch_id).toBe(result.batch_id);
    }
    expect((await eventsOf(theirs)).map((e) => e.type)).toEqual(['opened']);
  });
});

describe('failed deliveries', () => {
  it('can be put back in the outbox, and the request is an event in the log', async () => {
    const reviewer = await user('reviewer', agency);
    const { itemId } = await seedFlaggedPost(t.db, agency);
    const forwarding = await seedConfirmedForwarding(t.db, itemId, reviewer.id);
    expect((await reviewer.client.post(`/api/forwardings/${forwarding.id}/retry`)).json().code).toBe('NETRA_NOT_FAILED');
    await t.db.updateTable('forwardings').set({ status: 'failed', attempts: 12, last_error: 'HTTP 503' }).where('id', '=', forwarding.id).execute();
    expect((await reviewer.client.get(`/items/${itemId}`)).body).toContain(`/api/forwardings/${forwarding.id}/retry`);

    expect((await reviewer.client.post(`/api/forwardings/${forwarding.id}/retry`)).statusCode).toBe(200);
    const row = await t.db.selectFrom('forwardings').selectAll().where('id', '=', forwarding.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'pending', attempts: 0 });
    expect((await eventsOf(itemId)).at(-1)).toMatchObject({ type: 'forwarding_retried', actor_user_id: reviewer.id });
  });
});

describe('status rebuild from the event log', () => {
  it('restores a tampered projection, through the admin API and the CLI', async () => {
    const admin = await user('admin', null);
    const reviewer = await user('reviewer', agency);
    const { itemId } = await seedFlaggedPost(t.db, agency);
    await claimAndConfirm(reviewer.client, itemId);
    const tamper = () => t.db.updateTable('review_items').set({ status: 'open', last_event_seq: 1 }).where('id', '=', itemId).execute();

    await tamper();
    const rebuilt = (await admin.client.post('/api/admin/rebuild-status')).json();
    expect(rebuilt).toMatchObject({ repaired: [itemId], brokenChains: [] });
    expect((await reviewer.client.get(`/api/review-items/${itemId}`)).json().status).toBe('confirmed');

    await tamper();
    const cli = await runCli(['rebuild-status']);
    expect(JSON.parse(cli.stdout)).toMatchObject({ repaired: [itemId] });
    const { state } = await new ReviewItemRepository(t.db).rebuild(itemId);
    const stored = await t.db.selectFrom('review_items').select(['status', 'last_event_seq']).where('id', '=', itemId).executeTakeFirstOrThrow();
    expect(stored).toEqual({ status: state.status, last_event_seq: state.seq });
  });
});

describe('the users CLI', () => {
  it('adds a user with a password from the environment, who can then sign in', async () => {
    const added = await runCli(['add', '--email', 'Peninjau.Baru@Netra.Test', '--name', 'Peninjau Baru', '--role', 'reviewer', '--agency', agency.code], {
      NETRA_PASSWORD: 'kata-sandi-cli-panjang',
    });
    expect(added.stdout).toMatch(/added user \d+ peninjau.baru@netra.test \(reviewer\)/);
    expect((await signIn(app, 'peninjau.baru@netra.test', 'kata-sandi-cli-panjang')).csrf).toMatch(/^[0-9a-f]{64}$/);
    await expect(runCli(['add', '--email', 'x@netra.test', '--name', 'X', '--role', 'supervisor'])).rejects.toThrow(/needs an agency/);
  });
});

describe('the queue', () => {
  it('filters by region and election, counts by status and tells how long the oldest item has waited', async () => {
    const own = await seedAgency(t.db);
    const reviewer = await user('reviewer', own);
    const { itemId } = await seedFlaggedPost(t.db, own);
    await t.db.updateTable('review_items').set({ opened_at: new Date(Date.now() - 5 * 3_600_000) }).where('id', '=', itemId).execute();
    const page = (await reviewer.client.get(`/api/review-items?region=${own.regionCode}&election=pilpres-2024`)).json();
    expect(page.items.map((i: { id: string }) => i.id)).toEqual([itemId]);
    expect(page.counts).toMatchObject({ open: 1, confirmed: 0 });
    expect(new Date(page.oldest_waiting_opened_at).getTime()).toBeLessThan(Date.now() - 4 * 3_600_000);
    expect((await reviewer.client.get('/api/review-items?election=pilkada-jakarta-2024')).json().items).toEqual([]);
    const html = (await reviewer.client.get('/queue?agency=&code=')).body;
    expect(html).toMatch(/Butir terbuka tertua menunggu: <strong>5 jam/);
  });
});

describe('languages and the printable report', () => {
  it('speaks Indonesian by default and English on request, remembering the choice', async () => {
    const reviewer = await user('reviewer', agency);
    expect((await reviewer.client.get('/queue')).body).toContain('Antrean tinjauan');
    const english = await app.inject({ url: '/queue?lang=en', headers: { cookie: reviewer.client.cookie } });
    expect(english.body).toContain('Review queue');
    const langCookie = english.cookies.find((c) => c.name === 'netra_lang')!;
    const again = await app.inject({ url: '/queue', headers: { cookie: `${reviewer.client.cookie}; netra_lang=${langCookie.value}` } });
    expect(again.body).toContain('<html lang="en">');
  });

  it('serves the report as forwarded, with no script allowed and only its own style', async () => {
    const reviewer = await user('reviewer', agency);
    const { itemId } = await seedFlaggedPost(t.db, agency, { text: '<script>alert(1)</script> coblos 02' });
    await claimAndConfirm(reviewer.client, itemId);
    const report = await reviewer.client.get(`/items/${itemId}/report`);
    expect(report.statusCode).toBe(200);
    expect(report.body).toContain('Laporan dugaan pelanggaran netralitas ASN');
    expect(report.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(report.body).not.toMatch(/<script/);
    const csp = String(report.headers['content-security-policy']);
    expect(csp).toContain("script-src 'none'");
    expect(csp).toMatch(/style-src 'sha256-[A-Za-z0-9+/=]+'/);
  });
});

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** `npm run -s users -- ...`, as an operator runs it (tsx directly, to skip npm's start-up). */
function runCli(args: string[], env: Record<string, string> = {}) {
  return promisify(execFile)(path.join(repoRoot, 'node_modules/.bin/tsx'), ['services/review/src/cli/users.ts', ...args], {
    cwd: repoRoot,
    env: { ...process.env, DATABASE_URL: t.url, ...env },
  });
}
