import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '@netra/core';
import { createTestDatabase, seedAgency, seedFlaggedEngagement, seedFlaggedPost, seedUser, type TestDatabase } from '@netra/testing';
import { buildReviewApp, type ReviewApp } from '../src/index.js';
import { escapeHtml, html } from '../src/web/html.js';
import { signIn, type ApiClient } from './support/client.js';

/** Invariant 6: post text is hostile and always rendered escaped. */
const hostile = '<img src=x onerror=alert(1)><script>alert(1)</script>';

let t: TestDatabase;
let app: ReviewApp;
let reviewer: ApiClient;
let hostileItem: string;

beforeAll(async () => {
  t = await createTestDatabase();
  app = buildReviewApp({ db: t.db, logger: createLogger('review-test', 'silent'), insecureCookies: true, secondFactor: 'off' });
  const agency = await seedAgency(t.db);
  hostileItem = (await seedFlaggedPost(t.db, agency, { text: hostile, url: 'javascript:alert(1)' })).itemId;
  await seedFlaggedEngagement(t.db, agency, 'share', { targetText: `"><svg onload=alert(2)>` });
  reviewer = await signIn(app, (await seedUser(t.db, 'reviewer', agency)).email);
});
afterAll(async () => {
  await app?.close();
  await t?.drop();
});

describe('escaping', () => {
  it('html`` escapes every interpolated value, including inside attributes', () => {
    expect(html`<p title="${`" onmouseover="x`}">${hostile}</p>`.value).toBe(
      '<p title="&quot; onmouseover=&quot;x">&lt;img src=x onerror=alert(1)&gt;&lt;script&gt;alert(1)&lt;/script&gt;</p>',
    );
    expect(escapeHtml(`'&'`)).toBe('&#39;&amp;&#39;');
  });

  it('renders a hostile post on the item page as text, never as markup', async () => {
    const response = await reviewer.get(`/items/${hostileItem}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.body).toContain('&lt;img src=x onerror=alert(1)&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(response.body).not.toContain('<img');
    expect(response.body).not.toMatch(/<script>/);
    expect(response.body).not.toContain('onerror=alert(1)>');
    // A javascript: URL is shown as text, never made a link.
    expect(response.body).not.toMatch(/href="javascript:/i);
    // The page's only script is the app's own file.
    expect([...response.body.matchAll(/<script[^>]*>/g)].map((m) => m[0])).toEqual(['<script src="/static/app.js" defer>']);
  });

  it('renders hostile excerpts on the queue page as text', async () => {
    const response = await reviewer.get('/queue');
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(response.body).toContain('&quot;&gt;&lt;svg onload=alert(2)&gt;');
    expect(response.body).not.toContain('<svg');
    expect(response.body).not.toContain('<img');
  });
});

describe('pages', () => {
  it('serve a strict Content-Security-Policy without inline scripts', async () => {
    for (const url of ['/', '/queue', `/items/${hostileItem}`]) {
      const response = url === '/' ? await app.inject({ url }) : await reviewer.get(url);
      const csp = String(response.headers['content-security-policy']);
      expect(csp).toContain("default-src 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toContain('unsafe-inline');
      expect(response.headers['x-content-type-options']).toBe('nosniff');
    }
  });

  it('send visitors without a session to the sign-in page', async () => {
    for (const url of ['/queue', `/items/${hostileItem}`]) {
      const response = await app.inject({ url });
      expect(response.statusCode).toBe(303);
      expect(response.headers.location).toBe('/');
    }
    const signInPage = await app.inject({ url: '/' });
    expect(signInPage.body).toContain('Kata sandi');
    expect((await reviewer.get('/')).headers.location).toBe('/queue');
  });

  it('carry the CSRF token for the script, and serve the script itself', async () => {
    const page = await reviewer.get('/queue');
    expect(page.body).toContain(`<meta name="netra-csrf" content="${reviewer.csrf}">`);
    const script = await app.inject({ url: '/static/app.js' });
    expect(script.statusCode).toBe(200);
    expect(script.headers['content-type']).toMatch(/^text\/javascript/);
    expect(script.body).toContain('x-netra-csrf');
    expect((await app.inject({ url: '/static/..%2Fpages.ts' })).statusCode).toBe(404);
  });

  it('serve scripts and styles with an ETag, answer 304 to a browser that has them, and nothing unlisted', async () => {
    for (const url of ['/static/app.css', '/stats/assets/stats.js', '/stats/assets/chart.umd.min.js']) {
      const first = await app.inject({ url });
      expect(first.statusCode, url).toBe(200);
      expect(first.headers['cache-control'], url).toBe('no-cache');
      const etag = first.headers.etag as string;
      expect(etag, url).toBeTruthy();
      expect((await app.inject({ url, headers: { 'if-none-match': etag } })).statusCode, url).toBe(304);
    }
    for (const url of ['/stats/assets/chart.js', '/stats/assets/helpers.js', '/stats/assets/..%2F..%2Fpackage.json', '/static/../routes.ts', '/static/']) {
      expect((await app.inject({ url })).statusCode, url).toBe(404);
    }
  });
});
