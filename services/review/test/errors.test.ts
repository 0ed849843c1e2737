import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '@netra/core';
import { createTestDatabase, seedAgency, seedFlaggedPost, seedUser, type SeededAgency, type TestDatabase } from '@netra/testing';
import { errorTable } from '../src/errors.js';
import { buildReviewApp, type ReviewApp } from '../src/index.js';
import { signIn, type ApiClient } from './support/client.js';

/** Every refusal comes from one table, says what went wrong in the asker's language, and names the field. */
describe('the error table', () => {
  it('gives every error a status, a NETRA_ code and a message in each language', () => {
    for (const [name, entry] of Object.entries(errorTable)) {
      expect(entry.status, name).toBeGreaterThanOrEqual(400);
      expect(entry.code, name).toMatch(/^NETRA_[A-Z_]+$/);
      const params = { id: '7', sha256: 'ab', role: 'analyst', action: 'x', route: 'GET /x', status: 'confirmed', reason: 'r', where: 'note', problem: 'p', path: 'note', after: '1 minute', minutes: 3, message: 'm' };
      const [id, en] = [(entry.id as (p: unknown) => string)(params), (entry.en as (p: unknown) => string)(params)];
      expect(id.length, name).toBeGreaterThan(0);
      // Passed-through messages of lower layers are the only ones alike in both languages.
      if (name !== 'rejectedInput') expect(id, name).not.toBe(en);
    }
  });
});

describe('answers', () => {
  let t: TestDatabase;
  let app: ReviewApp;
  let reviewer: ApiClient;
  let itemId: string;
  let agency: SeededAgency;

  beforeAll(async () => {
    t = await createTestDatabase();
    app = buildReviewApp({ db: t.db, logger: createLogger('review-test', 'silent'), insecureCookies: true, secondFactor: 'off' });
    agency = await seedAgency(t.db);
    itemId = (await seedFlaggedPost(t.db, agency)).itemId;
    reviewer = await signIn(app, (await seedUser(t.db, 'reviewer', agency)).email);
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  it('says in Indonesian which field is wrong and why, and lists every problem in the details', async () => {
    await reviewer.post(`/api/review-items/${itemId}/claim`);
    const response = await reviewer.post(`/api/review-items/${itemId}/decision`, { action: 'escalate' });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'NETRA_INVALID_INPUT', message: expect.stringMatching(/^Isian tidak sah — note: /) });
    expect(response.json().details).toEqual([{ path: 'note', message: expect.any(String) }]);
  });

  it('speaks English to a person who chose it, with the same code', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/review-items/987654?lang=en', headers: { cookie: reviewer.cookie } });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({ code: 'NETRA_NOT_FOUND', message: 'Review item 987654 not found.' });
    const indonesian = await reviewer.get('/api/review-items/987654');
    expect(indonesian.json()).toEqual({ code: 'NETRA_NOT_FOUND', message: 'Butir tinjauan 987654 tidak ditemukan.' });
  });

  it('answers a decision out of turn with what to do', async () => {
    const own = (await seedFlaggedPost(t.db, agency)).itemId;
    const response = await reviewer.post(`/api/review-items/${own}/decision`, { action: 'release' });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toEqual({ code: 'NETRA_CLAIM_REQUIRED', message: 'Klaim butir ini dulu sebelum memutusnya.' });
  });
});
