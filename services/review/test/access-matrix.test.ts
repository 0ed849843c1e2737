import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger, type Role } from '@netra/core';
import { createTestDatabase, seedAgency, seedConfirmedForwarding, seedFlaggedPost, seedUser, type TestDatabase } from '@netra/testing';
import { buildReviewApp, type ReviewApp } from '../src/index.js';
import { signIn, type ApiClient } from './support/client.js';

/**
 * Every role × every route × own/other agency (invariant 4 and the role table). Each request is
 * classified by what access control answered: 'ok' (it got past access control: a 2xx, or a
 * 400/409 about the request or the item's state), 'hidden' (404, as for an item that does not
 * exist), 'forbidden' (403) or 'unauthenticated' (401, or a page's redirect to sign in).
 */
type Outcome = 'ok' | 'hidden' | 'forbidden' | 'unauthenticated';
type Who = Role | 'anonymous';
type Target = 'own' | 'other';

const everyone: Who[] = ['anonymous', 'reviewer', 'supervisor', 'central_reviewer', 'analyst', 'admin'];

let t: TestDatabase;
let app: ReviewApp;
const clients = {} as Record<Who, ApiClient | null>;
const targets = {} as Record<Target, { itemId: string; forwardingId: string }>;
let spareUserId: number;
let agencyAId: number;

interface RouteCase {
  name: string;
  send: (client: ApiClient | null, target: Target) => Promise<LightMyRequestResponse>;
}

function request(client: ApiClient | null, method: 'GET' | 'POST' | 'PATCH', url: string, body?: unknown) {
  const headers = client ? { cookie: client.cookie, 'x-netra-csrf': client.csrf } : {};
  return app.inject({ method, url, headers, ...(method === 'GET' ? {} : { payload: (body ?? {}) as object }) });
}

const itemRoutes: RouteCase[] = [
  { name: 'GET /api/review-items/:id', send: (c, to) => request(c, 'GET', `/api/review-items/${targets[to].itemId}`) },
  { name: 'POST /api/review-items/:id/claim', send: (c, to) => request(c, 'POST', `/api/review-items/${targets[to].itemId}/claim`) },
  {
    name: 'POST /api/review-items/:id/decision',
    send: (c, to) => request(c, 'POST', `/api/review-items/${targets[to].itemId}/decision`, { action: 'release' }),
  },
  { name: 'POST /api/review-items/bulk-dismiss', send: (c, to) => request(c, 'POST', '/api/review-items/bulk-dismiss', { ids: [targets[to].itemId], reason: 'duplicate' }) },
  { name: 'POST /api/forwardings/:id/retry', send: (c, to) => request(c, 'POST', `/api/forwardings/${targets[to].forwardingId}/retry`) },
  { name: 'GET /items/:id', send: (c, to) => request(c, 'GET', `/items/${targets[to].itemId}`) },
  { name: 'GET /items/:id/report', send: (c, to) => request(c, 'GET', `/items/${targets[to].itemId}/report`) },
];

const queueRoutes: RouteCase[] = [
  { name: 'GET /api/review-items', send: (c) => request(c, 'GET', '/api/review-items') },
  { name: 'GET /queue', send: (c) => request(c, 'GET', '/queue') },
];

const adminRoutes: RouteCase[] = [
  { name: 'GET /admin', send: (c) => request(c, 'GET', '/admin') },
  { name: 'GET /api/admin/users', send: (c) => request(c, 'GET', '/api/admin/users') },
  { name: 'POST /api/admin/users', send: (c) => request(c, 'POST', '/api/admin/users', { email: 'not-an-email' }) },
  { name: 'PATCH /api/admin/users/:id', send: (c) => request(c, 'PATCH', `/api/admin/users/${spareUserId}`, { display_name: 'Cadangan' }) },
  { name: 'GET /api/admin/agencies', send: (c) => request(c, 'GET', '/api/admin/agencies') },
  { name: 'PATCH /api/admin/agencies/:id', send: (c) => request(c, 'PATCH', `/api/admin/agencies/${agencyAId}`, {}) },
  { name: 'POST /api/admin/rebuild-status', send: (c) => request(c, 'POST', '/api/admin/rebuild-status') },
];

const selfRoutes: RouteCase[] = [{ name: 'GET /api/me', send: (c) => request(c, 'GET', '/api/me') }];

function outcomeOf(response: LightMyRequestResponse, isBulk: boolean): Outcome {
  if (response.statusCode === 401 || (response.statusCode === 303 && response.headers.location === '/')) return 'unauthenticated';
  if (response.statusCode === 403) return 'forbidden';
  if (response.statusCode === 404) return 'hidden';
  // A bulk action answers 200 and reports an unseen item as not found, like a missing one.
  if (isBulk && response.json().skipped?.[0]?.code === 'NETRA_NOT_FOUND') return 'hidden';
  return 'ok';
}

function expectedForItem(who: Who, target: Target): Outcome {
  if (who === 'anonymous') return 'unauthenticated';
  if (who === 'analyst' || who === 'admin') return 'forbidden';
  if (who === 'central_reviewer') return 'ok';
  return target === 'own' ? 'ok' : 'hidden';
}
const expectedForQueue = (who: Who): Outcome =>
  who === 'anonymous' ? 'unauthenticated' : who === 'analyst' || who === 'admin' ? 'forbidden' : 'ok';
const expectedForAdmin = (who: Who): Outcome => (who === 'anonymous' ? 'unauthenticated' : who === 'admin' ? 'ok' : 'forbidden');
const expectedForSelf = (who: Who): Outcome => (who === 'anonymous' ? 'unauthenticated' : 'ok');

const cases = [
  ...itemRoutes.flatMap((route) =>
    everyone.flatMap((who) => (['own', 'other'] as const).map((target) => ({ route, who, target, expected: expectedForItem(who, target) }))),
  ),
  ...queueRoutes.flatMap((route) => everyone.map((who) => ({ route, who, target: 'own' as const, expected: expectedForQueue(who) }))),
  ...adminRoutes.flatMap((route) => everyone.map((who) => ({ route, who, target: 'own' as const, expected: expectedForAdmin(who) }))),
  ...selfRoutes.flatMap((route) => everyone.map((who) => ({ route, who, target: 'own' as const, expected: expectedForSelf(who) }))),
];

beforeAll(async () => {
  t = await createTestDatabase();
  app = buildReviewApp({ db: t.db, logger: createLogger('review-test', 'silent'), insecureCookies: true, secondFactor: 'off' });
  const agencyA = await seedAgency(t.db);
  const agencyB = await seedAgency(t.db);
  agencyAId = agencyA.id;
  // Confirmed cases with a delivery each, so every item route has something to act on.
  for (const [target, agency] of [['own', agencyA], ['other', agencyB]] as const) {
    const confirmer = await seedUser(t.db, 'reviewer', agency);
    const { itemId } = await seedFlaggedPost(t.db, agency);
    const forwarding = await seedConfirmedForwarding(t.db, itemId, confirmer.id, undefined, { reportHtml: '<p>laporan</p>' });
    targets[target] = { itemId, forwardingId: forwarding.id };
  }
  spareUserId = (await seedUser(t.db, 'analyst', null)).id;
  clients.anonymous = null;
  for (const role of ['reviewer', 'supervisor', 'central_reviewer', 'analyst', 'admin'] as const) {
    const agency = role === 'reviewer' || role === 'supervisor' || role === 'analyst' ? agencyA : null;
    clients[role] = await signIn(app, (await seedUser(t.db, role, agency)).email);
  }
});
afterAll(async () => {
  await app?.close();
  await t?.drop();
});

describe(`access matrix (${cases.length} cases: role × route × own/other agency)`, () => {
  it.each(cases.map((c) => [c.who, c.route.name, c.target, c.expected, c] as const))('%s %s (%s agency) → %s', async (_who, _route, _target, expected, c) => {
    expect(outcomeOf(await c.route.send(clients[c.who], c.target), c.route.name.endsWith('bulk-dismiss'))).toBe(expected);
  });

  it('an item hidden by scope answers exactly like one that does not exist', async () => {
    const reviewer = clients.reviewer!;
    const hidden = await reviewer.get(`/api/review-items/${targets.other.itemId}`);
    const absent = await reviewer.get('/api/review-items/987654321');
    expect(hidden.body.replace(targets.other.itemId, 'ID')).toBe(absent.body.replace('987654321', 'ID'));
  });
});
