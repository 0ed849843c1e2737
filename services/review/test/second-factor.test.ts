import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '@netra/core';
import { createTestDatabase, PASSWORD, seedAgency, seedUser, type SeededAgency, type TestDatabase } from '@netra/testing';
import { currentCode } from '../src/auth/second-factor.js';
import { buildReviewApp, type ReviewApp } from '../src/index.js';

/** Issue 14: no second factor for accounts that see names and NIPs. TOTP, required for those roles. */
let t: TestDatabase;
let app: ReviewApp;
let agency: SeededAgency;
beforeAll(async () => {
  t = await createTestDatabase();
  app = buildReviewApp({ db: t.db, logger: createLogger('review-test', 'silent'), insecureCookies: true, secondFactor: 'required' });
  agency = await seedAgency(t.db);
});
afterAll(async () => {
  await app?.close();
  await t?.drop();
});

const remoteAddress = () => `198.51.100.${Math.floor(Math.random() * 200) + 1}`;
async function signIn(email: string, code?: string) {
  const response = await app.inject({ method: 'POST', url: '/api/session', payload: { email, password: PASSWORD, ...(code ? { code } : {}) }, remoteAddress: remoteAddress() });
  const cookie = response.cookies[0] ? `${response.cookies[0].name}=${response.cookies[0].value}` : '';
  const csrf = response.statusCode === 200 ? (response.json().csrf_token as string) : '';
  return {
    response,
    get: (url: string) => app.inject({ method: 'GET', url, headers: { cookie } }),
    post: (url: string, payload: object = {}) => app.inject({ method: 'POST', url, headers: { cookie, 'x-netra-csrf': csrf }, payload }),
  };
}

/** Signs in with the password only and enrols; the secret and recovery codes. */
async function enrol(email: string) {
  const first = await signIn(email);
  const { secret } = (await first.post('/api/me/totp/setup')).json();
  const confirmed = await first.post('/api/me/totp', { code: currentCode(secret) });
  expect(confirmed.statusCode).toBe(200);
  return { secret: secret as string, recoveryCodes: confirmed.json().recovery_codes as string[] };
}

describe('enrolment', () => {
  it('a reviewer without a second factor can do nothing but set one up, then everything their role allows', async () => {
    const reviewer = await seedUser(t.db, 'reviewer', agency);
    const session = await signIn(reviewer.email);
    expect(session.response.statusCode).toBe(200);
    expect(session.response.json().second_factor_enrolment_required).toBe(true);
    const blocked = await session.get('/api/review-items');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().code).toBe('NETRA_SECOND_FACTOR_ENROLMENT_REQUIRED');
    expect((await session.get('/queue')).headers.location).toBe('/totp');
    const page = await session.get('/totp');
    expect(page.statusCode).toBe(200);
    const shownSecret = /data-totp-secret>([A-Z2-7 ]+)</.exec(page.body)![1]!.replace(/ /g, '');
    // Reloading the page keeps the same key until it is confirmed.
    expect(/data-totp-secret>([A-Z2-7 ]+)</.exec((await session.get('/totp')).body)![1]!.replace(/ /g, '')).toBe(shownSecret);

    expect((await session.post('/api/me/totp', { code: '000000' })).json().code).toBe('NETRA_BAD_SECOND_FACTOR');
    const confirmed = await session.post('/api/me/totp', { code: currentCode(shownSecret) });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json().recovery_codes).toHaveLength(10);
    expect((await session.get('/api/review-items')).statusCode).toBe(200);
    expect((await session.post('/api/me/totp/setup')).json().code).toBe('NETRA_SECOND_FACTOR_ENROLLED');
  });

  it('an analyst, who sees only statistics, is not made to enrol', async () => {
    const analyst = await seedUser(t.db, 'analyst', null);
    const session = await signIn(analyst.email);
    expect(session.response.json().second_factor_enrolment_required).toBe(false);
    expect((await session.get('/api/stats')).statusCode).toBe(200);
  });
});

describe('signing in with a second factor', () => {
  it('asks for the code, accepts each code once, and refuses a wrong one as a failed sign-in', async () => {
    const reviewer = await seedUser(t.db, 'reviewer', agency);
    const { secret } = await enrol(reviewer.email);
    const withoutCode = await signIn(reviewer.email);
    expect(withoutCode.response.statusCode).toBe(401);
    expect(withoutCode.response.json().code).toBe('NETRA_SECOND_FACTOR_REQUIRED');
    expect((await signIn(reviewer.email, '123456')).response.json().code).toBe('NETRA_BAD_CREDENTIALS');
    // The enrolment used the current step; the next one (within the allowed drift) is fresh.
    const next = currentCode(secret, Date.now() + 30_000);
    const signedIn = await signIn(reviewer.email, next);
    expect(signedIn.response.statusCode).toBe(200);
    expect(signedIn.response.json().second_factor_enrolment_required).toBe(false);
    expect((await signedIn.get('/api/review-items')).statusCode).toBe(200);
    // Seen over a shoulder and replayed: refused.
    expect((await signIn(reviewer.email, next)).response.json().code).toBe('NETRA_BAD_CREDENTIALS');
  });

  it('takes each recovery code once, and an admin reset makes the person enrol again', async () => {
    const reviewer = await seedUser(t.db, 'reviewer', agency);
    const { recoveryCodes } = await enrol(reviewer.email);
    expect((await signIn(reviewer.email, recoveryCodes[3]!.toUpperCase())).response.statusCode).toBe(200);
    expect((await signIn(reviewer.email, recoveryCodes[3]!)).response.statusCode).toBe(401);

    const admin = await seedUser(t.db, 'admin', null);
    const adminSecret = (await enrol(admin.email)).secret;
    const adminSession = await signIn(admin.email, currentCode(adminSecret, Date.now() + 30_000));
    const reset = await app.inject({
      method: 'PATCH',
      url: `/api/admin/users/${reviewer.id}`,
      headers: { cookie: (adminSession.response.cookies[0]!.name + '=' + adminSession.response.cookies[0]!.value), 'x-netra-csrf': adminSession.response.json().csrf_token },
      payload: { reset_second_factor: true },
    });
    expect(reset.statusCode).toBe(200);
    expect((await signIn(reviewer.email)).response.json().second_factor_enrolment_required).toBe(true);
  });
});
