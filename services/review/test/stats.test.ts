import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '@netra/core';
import { connectRedis, type Redis } from '@netra/queue';
import { refreshStatistics } from '@netra/stats';
import { createTestDatabase, seedKnownDataSet, seedUser, testRedisPrefix, testRedisUrl, type TestDatabase } from '@netra/testing';
import { sessionCookie } from '../src/auth/request-session.js';
import { buildReviewApp, type ReviewApp } from '../src/index.js';
import { queueDashboard } from '../src/ops/queue-dashboard.js';
import { signIn, type ApiClient } from './support/client.js';

/** The statistics API and page as each role sees them (invariant 4 for analysts), and the queue dashboard. */
let t: TestDatabase;
let app: ReviewApp;
let redis: Redis;
let queue: Queue;
const clients = {} as Record<'nationalAnalyst' | 'analystB' | 'reviewerA' | 'supervisorA' | 'admin', ApiClient>;

beforeAll(async () => {
  t = await createTestDatabase();
  redis = await connectRedis(testRedisUrl);
  queue = new Queue('classify', { connection: redis, prefix: testRedisPrefix() });
  app = buildReviewApp({ db: t.db, logger: createLogger('review-test', 'silent'), insecureCookies: true, secondFactor: 'off' });
  app.register(queueDashboard({ db: t.db, cookie: sessionCookie(true), secondFactor: 'off', queues: [queue] }));
  const world = await seedKnownDataSet(t.db);
  await refreshStatistics(t.db);
  const users = {
    nationalAnalyst: await seedUser(t.db, 'analyst', null),
    analystB: await seedUser(t.db, 'analyst', world.agencyB),
    reviewerA: await seedUser(t.db, 'reviewer', world.agencyA),
    supervisorA: await seedUser(t.db, 'supervisor', world.agencyA),
    admin: await seedUser(t.db, 'admin', null),
  };
  for (const [name, user] of Object.entries(users)) clients[name as keyof typeof clients] = await signIn(app, user.email);
});
afterAll(async () => {
  await app?.close();
  await queue?.close();
  redis?.disconnect();
  await t?.drop();
});

describe('GET /api/stats', () => {
  it('groups counts by the dimensions asked for, within the date range', async () => {
    const response = await clients.admin.get('/api/stats?by=agency,code&from=2024-01-01&to=2024-01-31');
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ report: 'counts', by: ['agency', 'code'], filters: { from: '2024-01-01', to: '2024-01-31', election: null, agency: null } });
    expect(body.rows.map((r: Record<string, unknown>) => [r.agency_code, r.code, r.flags, r.confirmed])).toEqual([
      ['pemprov-dki', 'campaign_content', 1, 0],
      ['pemprov-dki', 'number_symbol', 2, 1],
      ['pemprov-dki', 'support_like', 1, 1],
    ]);
  });

  it('answers the same figures as CSV, as a download', async () => {
    const response = await clients.admin.get('/api/stats?by=agency&format=csv');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe('attachment; filename="netra-counts-agency-awal-kini.csv"');
    expect(response.body).toBe(
      'agency_code,agency_name,flags,confirmed,dismissed,decided,pending,confirm_rate\n' +
        'pemprov-dki,Instansi pemprov-dki,3,2,1,3,0,0.6667\n' +
        'pemkot-malang,Instansi pemkot-malang,3,1,0,1,2,1\n',
    );
  });

  it('serves decision times, backlog and reviewer reports', async () => {
    expect((await clients.admin.get('/api/stats/decision-times')).json().rows).toEqual([{ decided: 4, median_seconds: 10_800, p90_seconds: 29_520 }]);
    expect((await clients.admin.get('/api/stats/backlog')).json().rows[0].undecided).toBe(2);
    expect((await clients.nationalAnalyst.get('/api/stats/reviewers')).json().rows).toHaveLength(2);
    expect((await clients.nationalAnalyst.get('/api/stats/nonsense')).statusCode).toBe(404);
  });

  it('refuses unknown dimensions and bad dates with a code', async () => {
    for (const query of ['by=nip', 'from=2024-13-01', 'from=2024-02-01&to=2024-01-01', 'by=day,week']) {
      const response = await clients.nationalAnalyst.get(`/api/stats?${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(response.json().code).toBe('NETRA_INVALID_INPUT');
    }
    expect((await clients.nationalAnalyst.get('/api/stats/backlog?by=code')).json().code).toBe('NETRA_INVALID_INPUT');
  });

  it('shows an analyst counts of 1 to 4 as "<5", in JSON and CSV, and the same cells as numbers to an admin', async () => {
    const analyst = await clients.nationalAnalyst.get('/api/stats?by=agency&format=csv');
    expect(analyst.body).toBe(
      'agency_code,agency_name,flags,confirmed,dismissed,decided,pending,confirm_rate\n' +
        'pemprov-dki,Instansi pemprov-dki,<5,<5,<5,<5,0,<5\n' +
        'pemkot-malang,Instansi pemkot-malang,<5,<5,0,<5,<5,<5\n',
    );
    const rows = (await clients.nationalAnalyst.get('/api/stats?by=agency,code&from=2024-01-01&to=2024-01-31')).json().rows;
    expect(rows.map((r: Record<string, unknown>) => [r.code, r.flags, r.confirmed])).toEqual([
      ['campaign_content', '<5', 0],
      ['number_symbol', '<5', '<5'],
      ['support_like', '<5', '<5'],
    ]);
  });

  it('needs a session', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/stats' });
    expect(response.statusCode).toBe(401);
  });
});

describe('scoping', () => {
  it("gives an agency's analyst and reviewers only their agency's figures, whatever they ask", async () => {
    const agencies = async (client: ApiClient, query = '') =>
      (await client.get(`/api/stats?by=agency${query}`)).json().rows.map((r: Record<string, unknown>) => r.agency_code);
    expect(await agencies(clients.analystB)).toEqual(['pemkot-malang']);
    expect(await agencies(clients.analystB, '&agency=pemprov-dki')).toEqual([]);
    expect(await agencies(clients.reviewerA)).toEqual(['pemprov-dki']);
    expect(await agencies(clients.nationalAnalyst)).toEqual(['pemprov-dki', 'pemkot-malang']);
    expect((await clients.analystB.get('/api/stats/backlog')).json().rows[0].undecided).toBe('<5');
    expect((await clients.reviewerA.get('/api/stats/backlog')).json().rows[0].undecided).toBe(0);
  });

  it('names reviewers only to supervisors and admins', async () => {
    const columns = async (client: ApiClient) => (await client.get('/api/stats/reviewers')).json().columns as string[];
    expect(await columns(clients.nationalAnalyst)).not.toContain('reviewer_name');
    expect(await columns(clients.reviewerA)).not.toContain('reviewer_name');
    expect(await columns(clients.supervisorA)).toContain('reviewer_name');
    expect(await columns(clients.admin)).toContain('reviewer_name');
  });

  it('never shows a civil servant’s name or NIP, in JSON, CSV or on the page', async () => {
    const people = await t.db.selectFrom('civil_servants').select(['nip', 'full_name']).execute();
    const bodies = await Promise.all(
      ['/api/stats?by=agency,regency,code,platform,election,day', '/api/stats?by=agency,code&format=csv', '/api/stats/reviewers', '/stats'].map(
        async (url) => (await clients.admin.get(url)).body,
      ),
    );
    for (const body of bodies) {
      for (const person of people) {
        expect(body).not.toContain(person.nip);
        expect(body).not.toContain(person.full_name);
      }
    }
  });
});

describe('the statistics page', () => {
  it('shows the figures and tables of the selection, with a CSV link of the same filters', async () => {
    const response = await clients.nationalAnalyst.get('/stats?from=2024-10-01&to=2024-10-31');
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('Kota Malang');
    expect(response.body).not.toContain('Kota Jakarta Pusat');
    expect(response.body).toContain('href="/api/stats?from=2024-10-01&amp;to=2024-10-31&amp;by=agency%2Ccode&amp;format=csv"');
    expect(response.body).toContain('<script src="/stats/assets/chart.umd.min.js" defer></script>');
  });

  it('sends a visitor without a session to sign in', async () => {
    const response = await app.inject({ method: 'GET', url: '/stats' });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/');
  });
});

describe('service endpoints', () => {
  it('answers /healthz and /readyz without a session', async () => {
    expect((await app.inject('/healthz')).json()).toEqual({ status: 'ok' });
    expect((await app.inject('/readyz')).json()).toEqual({ status: 'ready', ready: true, checks: { postgres: 'ok' } });
  });
});

describe('queue dashboard', () => {
  it('is for admins only', async () => {
    expect((await clients.admin.get('/admin/queues')).statusCode).toBe(200);
    const queues = await clients.admin.get('/admin/queues/api/queues');
    expect(queues.statusCode).toBe(200);
    expect(queues.json().queues.map((q: { name: string }) => q.name)).toEqual(['classify']);
    expect((await clients.nationalAnalyst.get('/admin/queues/api/queues')).statusCode).toBe(403);
    expect((await clients.supervisorA.get('/admin/queues')).statusCode).toBe(403);
    expect((await app.inject({ method: 'GET', url: '/admin/queues/api/queues' })).statusCode).toBe(401);
    expect((await app.inject({ method: 'GET', url: '/admin/queues' })).statusCode).toBe(303);
  });

  it('refuses a state-changing request from another origin', async () => {
    const response = await app.inject({
      method: 'PUT',
      url: '/admin/queues/api/queues/classify/pause',
      headers: { cookie: clients.admin.cookie, origin: 'https://evil.example', host: 'netra.test' },
    });
    expect(response.statusCode).toBe(403);
    expect(await queue.isPaused()).toBe(false);
  });
});
