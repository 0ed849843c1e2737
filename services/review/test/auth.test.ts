import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger, hashPassword, sha256Hex, verifyPassword } from '@netra/core';
import { createUser } from '@netra/db';
import { createTestDatabase, PASSWORD, seedAgency, seedUser, type TestDatabase } from '@netra/testing';
import { buildReviewApp, type ReviewApp } from '../src/index.js';
import { signIn } from './support/client.js';

let t: TestDatabase;
let app: ReviewApp;
let reviewer: { id: number; email: string };

beforeAll(async () => {
  t = await createTestDatabase();
  app = buildReviewApp({ db: t.db, logger: createLogger('review-test', 'silent'), insecureCookies: false, secondFactor: 'off' });
  reviewer = await seedUser(t.db, 'reviewer', await seedAgency(t.db));
});
afterAll(async () => {
  await app?.close();
  await t?.drop();
});

const signInRequest = (email: string, password: string) =>
  app.inject({ method: 'POST', url: '/api/session', payload: { email, password } });

describe('passwords', () => {
  it('stores scrypt parameters, salt and hash in one string, and verifies only the right password', async () => {
    const stored = await hashPassword('rahasia sekali');
    expect(stored).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(await hashPassword('rahasia sekali')).not.toBe(stored); // fresh salt each time
    expect(await verifyPassword('rahasia sekali', stored)).toBe(true);
    expect(await verifyPassword('rahasia sekali!', stored)).toBe(false);
    expect(await verifyPassword('rahasia sekali', 'plain-text')).toBe(false);
  });
});

describe('idle timeout', () => {
  it('ends a session after 30 minutes without the person acting; background heartbeats do not count', async () => {
    const client = await signIn(app, reviewer.email);
    const tokenHash = sha256Hex(decodeURIComponent(client.cookie.split('=')[1]!));
    const idleFor = (minutes: number) =>
      t.db.updateTable('sessions').set({ last_seen_at: new Date(Date.now() - minutes * 60_000) }).where('token_sha256', '=', tokenHash).execute();
    const me = (background = false) =>
      app.inject({ method: 'GET', url: '/api/me', headers: { cookie: client.cookie, ...(background ? { 'x-netra-background': '1' } : {}) } });

    await idleFor(29);
    expect((await me(true)).statusCode).toBe(200);
    const stillOld = await t.db.selectFrom('sessions').select('last_seen_at').where('token_sha256', '=', tokenHash).executeTakeFirstOrThrow();
    expect(Date.now() - stillOld.last_seen_at.getTime()).toBeGreaterThan(28 * 60_000);
    expect((await me()).statusCode).toBe(200); // the person acted: the clock restarts
    await idleFor(31);
    expect((await me()).statusCode).toBe(401);
    expect((await app.inject({ method: 'GET', url: '/queue', headers: { cookie: client.cookie } })).statusCode).toBe(303);
  });
});

describe('password policy', () => {
  it('refuses short, common and guessable passwords, and ones built on the person\'s own name or e-mail', async () => {
    const agency = await seedAgency(t.db);
    const attempt = (password: string, email = `baru${Math.random().toString(36).slice(2)}@bkd.example.go.id`) =>
      createUser(t.db, { email, displayName: 'Siti Rahmawati', role: 'reviewer', agencyId: agency.id, password });
    for (const weak of ['aaaaaaaa', 'password', '12345678', 'Password1', 'aaaaaaaaaaaa', 'passwordpassword', '123456789012', 'Password1234', 'qwertyuiop12', 'iloveyou1234']) {
      await expect(attempt(weak), weak).rejects.toThrow(/kata sandi (minimal 12 karakter|terlalu mudah ditebak)/);
    }
    await expect(attempt('sitirahmawati1', 'sitirahmawati@bkd.example.go.id')).rejects.toThrow(/terlalu mudah ditebak/);
    await expect(attempt('rahasia sekali banget')).resolves.toHaveProperty('id');
  });

  it('answers the admin API with a 400 that says what is wrong', async () => {
    const admin = await seedUser(t.db, 'admin', null);
    const client = await signIn(app, admin.email);
    const response = await app.inject({
      method: 'POST',
      url: '/api/admin/users',
      headers: { cookie: client.cookie, 'x-netra-csrf': client.csrf },
      payload: { email: 'lemah@bkd.example.go.id', display_name: 'Lemah', role: 'analyst', password: 'Password1234' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toMatch(/terlalu mudah ditebak/);
  });
});

describe('sign-in', () => {
  it('sets an httpOnly, SameSite=Strict, Secure session cookie and stores only the token hash', async () => {
    const response = await signInRequest(reviewer.email, PASSWORD);
    expect(response.statusCode).toBe(200);
    // Served over HTTPS (Secure cookies): browsers are told to keep to it.
    expect(response.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    const cookie = response.cookies[0]!;
    expect(cookie).toMatchObject({ name: '__Host-netra_session', httpOnly: true, sameSite: 'Strict', secure: true, path: '/' });
    expect(Buffer.from(cookie.value, 'base64url')).toHaveLength(32);
    const body = response.json();
    expect(body.user).toMatchObject({ id: reviewer.id, email: reviewer.email, role: 'reviewer' });
    expect(body.csrf_token).toMatch(/^[0-9a-f]{64}$/);

    const stored = await t.db.selectFrom('sessions').selectAll().where('user_id', '=', reviewer.id).execute();
    expect(stored.map((s) => s.token_sha256)).toContain(sha256Hex(cookie.value));
    expect(JSON.stringify(stored)).not.toContain(cookie.value);
  });

  it('answers an unknown e-mail exactly like a wrong password', async () => {
    const wrongPassword = await signInRequest(reviewer.email, 'salah-salah-salah');
    const unknownEmail = await signInRequest('tidak.ada@netra.test', PASSWORD);
    expect(wrongPassword.statusCode).toBe(401);
    expect(unknownEmail.statusCode).toBe(401);
    expect(wrongPassword.json()).toEqual(unknownEmail.json());
    expect(wrongPassword.json().code).toBe('NETRA_BAD_CREDENTIALS');
    expect(wrongPassword.cookies).toHaveLength(0);
  });

  it('refuses a disabled user', async () => {
    const disabled = await seedUser(t.db, 'central_reviewer', null);
    await t.db.updateTable('users').set({ disabled_at: new Date() }).where('id', '=', disabled.id).execute();
    expect((await signInRequest(disabled.email, PASSWORD)).statusCode).toBe(401);
  });

  it('rejects a malformed body with 400 and a text/plain body with 415', async () => {
    const malformed = await app.inject({ method: 'POST', url: '/api/session', payload: { email: reviewer.email } });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().code).toBe('NETRA_INVALID_INPUT');
    const plain = await app.inject({
      method: 'POST',
      url: '/api/session',
      headers: { 'content-type': 'text/plain' },
      payload: JSON.stringify({ email: reviewer.email, password: PASSWORD }),
    });
    expect(plain.statusCode).toBe(415);
  });
});

describe('the session gate', () => {
  it('answers 401 on every API route without a valid session', async () => {
    const requests = [
      { method: 'GET', url: '/api/me' },
      { method: 'GET', url: '/api/review-items' },
      { method: 'GET', url: '/api/review-items/1' },
      { method: 'POST', url: '/api/review-items/1/claim' },
      { method: 'POST', url: '/api/review-items/1/decision' },
      { method: 'DELETE', url: '/api/session' },
    ] as const;
    for (const request of requests) {
      for (const cookie of [undefined, '__Host-netra_session=forged-token']) {
        const response = await app.inject({ ...request, headers: cookie ? { cookie } : {}, payload: {} });
        expect(response.statusCode, `${request.method} ${request.url}`).toBe(401);
        expect(response.json().code).toBe('NETRA_UNAUTHENTICATED');
      }
    }
  });

  it('requires the session-bound CSRF header on state-changing requests', async () => {
    const client = await signIn(app, reviewer.email);
    const other = await signIn(app, reviewer.email);
    const claim = (csrf?: string) =>
      app.inject({
        method: 'POST',
        url: '/api/review-items/1/claim',
        headers: { cookie: client.cookie, ...(csrf === undefined ? {} : { 'x-netra-csrf': csrf }) },
        payload: {},
      });
    expect((await claim()).json().code).toBe('NETRA_CSRF');
    expect((await claim(other.csrf)).statusCode).toBe(403); // another session's token does not fit
    expect((await claim(client.csrf)).statusCode).toBe(404); // passes the gate; item 1 does not exist
    const me = await client.get('/api/me');
    expect(me.json().csrf_token).toBe(client.csrf);
  });

  it('signs out: the session stops working', async () => {
    const client = await signIn(app, reviewer.email);
    const withoutCsrf = await app.inject({ method: 'DELETE', url: '/api/session', headers: { cookie: client.cookie } });
    expect(withoutCsrf.statusCode).toBe(403);
    const signOut = await app.inject({
      method: 'DELETE',
      url: '/api/session',
      headers: { cookie: client.cookie, 'x-netra-csrf': client.csrf },
    });
    expect(signOut.statusCode).toBe(204);
    expect((await client.get('/api/me')).statusCode).toBe(401);
  });

  it('does not accept an expired session', async () => {
    const client = await signIn(app, reviewer.email);
    await t.db.updateTable('sessions').set({ expires_at: new Date(Date.now() - 1000) }).where('user_id', '=', reviewer.id).execute();
    expect((await client.get('/api/me')).statusCode).toBe(401);
  });
});
