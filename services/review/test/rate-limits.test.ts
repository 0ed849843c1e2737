import { afterAll, beforeAll, expect, it } from 'vitest';
import { createLogger } from '@netra/core';
import { createTestDatabase, PASSWORD, seedAgency, seedUser, type TestDatabase } from '@netra/testing';
import { buildReviewApp, type ReviewApp } from '../src/index.js';

/** Issue 14: no rate limiting anywhere. Small limits here, so the test makes few requests. */
let t: TestDatabase;
let app: ReviewApp;
beforeAll(async () => {
  t = await createTestDatabase();
  app = buildReviewApp({
    db: t.db,
    logger: createLogger('review-test', 'silent'),
    insecureCookies: true,
    secondFactor: 'off',
    rateLimits: { signIn: 3, write: 5, read: 8, publicReportsPerHour: 2 },
    trustedProxies: ['10.0.0.2'],
  });
});
afterAll(async () => {
  await app?.close();
  await t?.drop();
});

const get = (url: string, remoteAddress: string, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url, remoteAddress, headers });

it('limits each client per route class, answers 429 with a coded error and Retry-After, and never limits health checks', async () => {
  const answers = [];
  for (let i = 0; i < 10; i++) answers.push((await get('/api/me', '198.51.100.20')).statusCode);
  expect(answers.slice(0, 8)).toEqual(Array(8).fill(401));
  expect(answers.slice(8)).toEqual([429, 429]);
  const limited = await get('/api/me', '198.51.100.20');
  expect(limited.json()).toMatchObject({ code: 'NETRA_RATE_LIMITED' });
  expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  // Another client, and another class for the same client, have their own counters.
  expect((await get('/api/me', '198.51.100.21')).statusCode).toBe(401);
  const agency = await seedAgency(t.db);
  const reviewer = await seedUser(t.db, 'reviewer', agency);
  const signIn = await app.inject({ method: 'POST', url: '/api/session', payload: { email: reviewer.email, password: PASSWORD }, remoteAddress: '198.51.100.20' });
  expect(signIn.statusCode).toBe(200);
  for (let i = 0; i < 20; i++) expect((await get('/healthz', '198.51.100.20')).statusCode).toBe(200);
});

it('caps sign-in requests per client, successful ones too', async () => {
  const agency = await seedAgency(t.db);
  const reviewer = await seedUser(t.db, 'reviewer', agency);
  const signIn = () => app.inject({ method: 'POST', url: '/api/session', payload: { email: reviewer.email, password: PASSWORD }, remoteAddress: '198.51.100.30' });
  expect([(await signIn()).statusCode, (await signIn()).statusCode, (await signIn()).statusCode, (await signIn()).statusCode]).toEqual([200, 200, 200, 429]);
});

it('counts the real client behind the trusted proxy, and ignores X-Forwarded-For from anyone else', async () => {
  const viaProxy = (client: string) => get('/api/me', '10.0.0.2', { 'x-forwarded-for': client });
  for (let i = 0; i < 8; i++) await viaProxy('203.0.113.50');
  expect((await viaProxy('203.0.113.50')).statusCode).toBe(429);
  expect((await viaProxy('203.0.113.51')).statusCode).toBe(401);
  // A client cannot pick a fresh identity by sending the header itself.
  for (let i = 0; i < 8; i++) await get('/api/me', '198.51.100.40', { 'x-forwarded-for': `203.0.113.${100 + i}` });
  expect((await get('/api/me', '198.51.100.40', { 'x-forwarded-for': '203.0.113.200' })).statusCode).toBe(429);
});
