import { existsSync } from 'node:fs';
import { Queue } from 'bullmq';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '@netra/core';
import { connectRedis, type Redis } from '@netra/queue';
import { createTestDatabase, seedUser, testRedisPrefix, testRedisUrl, type TestDatabase } from '@netra/testing';
import { sessionCookie } from '../src/auth/request-session.js';
import { buildReviewApp, type ReviewApp } from '../src/index.js';
import { queueDashboard } from '../src/ops/queue-dashboard.js';
import { signIn } from './support/client.js';

/** Issue 14: /admin/queues span forever — the CSP's base-uri 'none' blocked bull-board's <base>. */
const chromiumPath = '/usr/bin/chromium';
const hasChromium = existsSync(chromiumPath);
if (!hasChromium) console.warn(`skipping the queue dashboard browser test: no Chromium at ${chromiumPath}`);

let t: TestDatabase;
let app: ReviewApp;
let redis: Redis;
let queue: Queue;
let browser: Browser;

describe.skipIf(!hasChromium)('queue dashboard in Chromium', () => {
  beforeAll(async () => {
    t = await createTestDatabase();
    redis = await connectRedis(testRedisUrl);
    queue = new Queue('classify', { connection: redis, prefix: testRedisPrefix() });
    app = buildReviewApp({ db: t.db, logger: createLogger('review-test', 'silent'), insecureCookies: true, secondFactor: 'off' });
    app.register(queueDashboard({ db: t.db, cookie: sessionCookie(true), secondFactor: 'off', queues: [queue] }));
    browser = await chromium.launch({
      executablePath: chromiumPath,
      headless: true,
      args: ['--no-sandbox', '--disable-background-networking', '--disable-gpu', '--disable-component-update', '--no-first-run'],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await queue?.close();
    redis?.disconnect();
    await t?.drop();
  });

  it('renders the queues for an admin, with no script or CSP error', async () => {
    const baseUrl = await app.listen({ host: '127.0.0.1', port: 0 });
    const admin = await seedUser(t.db, 'admin', null);
    const [name, value] = (await signIn(app, admin.email)).cookie.split('=') as [string, string];
    const context = await browser.newContext();
    await context.addCookies([{ name, value, url: baseUrl }]);
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    await page.goto(`${baseUrl}/admin/queues`);
    await page.getByText('classify').first().waitFor({ timeout: 30_000 });
    // bull-board asks Google Fonts for its typeface; a government workspace sends nothing to a third
    // party, so that one refusal is by design (the page falls back to the system font).
    expect(problems.filter((p) => !p.includes('https://fonts.googleapis.com/'))).toEqual([]);
    await context.close();
  });
});
