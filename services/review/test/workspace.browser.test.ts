import { Queue } from 'bullmq';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger, sha256Hex } from '@netra/core';
import { connectRedis, type Redis } from '@netra/queue';
import { refreshStatistics } from '@netra/stats';
import { createTestDatabase, PASSWORD, seedAgency, seedEditedFlaggedPost, seedFlaggedPost, seedKnownDataSet, seedUser, testRedisPrefix, testRedisUrl, type SeededAgency, type TestDatabase } from '@netra/testing';
import { sessionCookie } from '../src/auth/request-session.js';
import { buildReviewApp, type ReviewApp } from '../src/index.js';
import { queueDashboard } from '../src/ops/queue-dashboard.js';
import { hasChromium, chromiumPath, launchChromium, pageProblems, signedInContext } from './support/browser.js';
import { signIn } from './support/client.js';

/** A reviewer's, an analyst's and an admin's day in a real browser: start pages, shortcuts, next item, phones. */
if (!hasChromium) console.warn(`skipping the workspace browser test: no Chromium at ${chromiumPath}`);

let t: TestDatabase;
let app: ReviewApp;
let baseUrl: string;
let browser: Browser;
let agency: SeededAgency;
let redis: Redis;
let queue: Queue;

const statusOf = async (itemId: string) =>
  (await t.db.selectFrom('review_items').select('status').where('id', '=', itemId).executeTakeFirstOrThrow()).status;

/** The page is no wider than its window: nothing to scroll sideways. */
const horizontalOverflow = (page: Page) => page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth') as Promise<number>;

describe.skipIf(!hasChromium)('the workspace in Chromium', () => {
  beforeAll(async () => {
    t = await createTestDatabase();
    app = buildReviewApp({ db: t.db, logger: createLogger('review-test', 'silent'), insecureCookies: true, secondFactor: 'off' });
    // As the service mounts it, so the admin's link to the job queues has its page.
    redis = await connectRedis(testRedisUrl);
    queue = new Queue('classify', { connection: redis, prefix: testRedisPrefix() });
    app.register(queueDashboard({ db: t.db, cookie: sessionCookie(true), secondFactor: 'off', queues: [queue] }));
    agency = await seedAgency(t.db);
    await seedKnownDataSet(t.db);
    await refreshStatistics(t.db);
    baseUrl = await app.listen({ host: '127.0.0.1', port: 0 });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await queue?.close();
    redis?.disconnect();
    await t?.drop();
  });

  it.each([
    ['reviewer', '/queue'],
    ['analyst', '/stats'],
    ['admin', '/admin'],
  ] as const)('signs the %s in through the form and lands on %s, with a navigation of what they may open', async (role, home) => {
    const user = await seedUser(t.db, role, role === 'reviewer' ? agency : null);
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems = pageProblems(page);
    await page.goto(`${baseUrl}/`);
    await page.locator('input[name=email]').fill(user.email);
    await page.locator('input[name=password]').fill(PASSWORD);
    await page.locator('form.sign-in button').click();
    await page.waitForURL((url) => url.pathname === home, { timeout: 30_000 });
    const links = await page.locator('header nav a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(links).toContain(home);
    if (role === 'analyst') expect(links).toEqual(['/stats']);
    // Every link it is offered opens (no 403 behind the navigation).
    for (const href of links) {
      const response = await page.goto(`${baseUrl}${href}`);
      expect(response?.status(), href!).toBe(200);
    }
    if (role === 'admin') {
      // The job queues render under the CSP (issue 14: base-uri 'none' once blocked bull-board's <base>).
      await page.goto(`${baseUrl}/admin/queues`);
      await page.getByText('classify').first().waitFor({ timeout: 30_000 });
    }
    expect(problems).toEqual([]);
    await context.close();
  });

  it('opens a decision form on a shortcut and decides nothing until its button is pressed; then shows the next item', async () => {
    const reviewer = await seedUser(t.db, 'reviewer', agency);
    const first = (await seedFlaggedPost(t.db, agency, { priority: 0.9 })).itemId;
    const second = (await seedFlaggedPost(t.db, agency, { priority: 0.8 })).itemId;
    const client = await signIn(app, reviewer.email);
    expect((await client.post(`/api/review-items/${first}/claim`)).statusCode).toBe(200);

    const context = await signedInContext(browser, app, baseUrl, reviewer.email);
    const page = await context.newPage();
    const problems = pageProblems(page);
    await page.goto(`${baseUrl}/items/${first}`);
    for (const key of ['y', 'x', 'e']) {
      await page.keyboard.press(key);
      const opened = page.locator(`form[data-shortcut="${key}"].opened`);
      await opened.waitFor();
      // A string, so this file needs no DOM types: the focus is inside the opened form.
      expect(await page.evaluate(`document.querySelector('form.opened').contains(document.activeElement)`)).toBe(true);
      // Focus back on the page, as a reviewer who looks on before deciding.
      await page.locator('h1').click();
    }
    expect(await statusOf(first)).toBe('claimed');

    await page.keyboard.press('y');
    await page.locator('form[data-shortcut="y"] button').click();
    await page.waitForURL((url) => url.pathname === `/items/${second}`, { timeout: 30_000 });
    expect(await statusOf(first)).toBe('confirmed');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows an edited post as the classifier read it, marked, with every version and its hash', async () => {
    const reviewer = await seedUser(t.db, 'reviewer', agency);
    const texts = { first: 'Selamat pagi rekan-rekan semua', edited: 'Selamat pagi, ayo coblos nomor 2!' };
    const { itemId } = await seedEditedFlaggedPost(t.db, agency, texts);
    const context = await signedInContext(browser, app, baseUrl, reviewer.email);
    const page = await context.newPage();
    const problems = pageProblems(page);
    await page.goto(`${baseUrl}/items/${itemId}`);

    expect(await page.locator('[data-post-text]').textContent()).toBe(texts.edited);
    expect(await page.locator('[data-post-text] mark').textContent()).toBe('coblos');
    expect(await page.locator('[data-edited]').textContent()).toContain('2/2');
    await page.locator('[data-versions] summary').click();
    expect(await page.locator('[data-version="1"] blockquote').textContent()).toBe(texts.first);
    expect(await page.locator('[data-version="2"] blockquote').textContent()).toBe(texts.edited);
    expect(await page.locator('[data-classified-version]').getAttribute('data-version')).toBe('2');
    expect(await page.locator('[data-version="2"] code').textContent()).toBe(sha256Hex(texts.edited));
    expect(await page.locator('[data-version="2"]').textContent()).toContain('disunting 2024-01-21 16:30 WIB');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('lays out the queue, an item and the statistics within a 390 px phone', async () => {
    const reviewer = await seedUser(t.db, 'reviewer', agency);
    const analyst = await seedUser(t.db, 'analyst', null);
    const { itemId } = await seedFlaggedPost(t.db, agency, { text: 'Ayo coblos nomor 2! ✌️ '.repeat(20), url: `https://mastodon.example/@asn/${'9'.repeat(60)}` });
    const phone = { viewport: { width: 390, height: 844 } };
    for (const [email, path] of [
      [reviewer.email, '/queue'],
      [reviewer.email, `/items/${itemId}`],
      [analyst.email, '/stats?from=2024-01-01&to=2024-12-31'],
    ] as const) {
      const context = await signedInContext(browser, app, baseUrl, email, phone);
      const page = await context.newPage();
      await page.goto(`${baseUrl}${path}`);
      await page.locator('main').waitFor();
      expect(await horizontalOverflow(page), path).toBeLessThanOrEqual(0);
      // Signing out stays within reach.
      expect(await page.locator('header button').isVisible(), path).toBe(true);
      const box = await page.locator('header button').boundingBox();
      expect(box!.x + box!.width, path).toBeLessThanOrEqual(390);
      await context.close();
    }
  });
});
