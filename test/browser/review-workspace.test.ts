import { existsSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '@netra/core';
import { startForwarder, type Forwarder } from '@netra/forwarder';
import { buildReviewApp, type ReviewApp } from '@netra/review';
import { createTestDatabase, loopbackAllowed, PASSWORD, seedAgency, seedFlaggedPost, seedUser, type TestDatabase } from '@netra/testing';
import { startSignedWebhookReceiver } from '../support/signed-webhook-receiver.js';

/**
 * The review workspace in a real browser (Chromium via playwright-core): what a neutrality team
 * member does, and what a hostile post or a curious reviewer of another agency must not achieve.
 */
const CHROMIUM = '/usr/bin/chromium';
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) console.warn(`browser tests skipped: ${CHROMIUM} not found (CI installs it)`);

const logger = createLogger('browser-test', 'silent');
const signingSecret = randomBytes(32).toString('hex');
const partisanText = 'Ayo coblos nomor 2 tanggal 14 Februari ✌️';
const hostileText = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script> coblos';

let t: TestDatabase;
let app: ReviewApp;
let shortLeaseApp: ReviewApp;
let baseUrl: string;
let shortLeaseUrl: string;
let forwarder: Forwarder;
let receiver: Awaited<ReturnType<typeof startSignedWebhookReceiver>>;
let browser: Browser;
const users: Record<'reviewerA' | 'reviewerA2' | 'reviewerB', string> = {} as never;
const items: Record<'partisan' | 'hostile' | 'ofAgencyB' | 'toExpire', string> = {} as never;

describe.skipIf(!haveChromium)('review workspace in a browser', () => {
  beforeAll(async () => {
    t = await createTestDatabase();
    receiver = await startSignedWebhookReceiver(signingSecret);
    const agencyA = await seedAgency(t.db, { webhookUrl: receiver.url });
    const agencyB = await seedAgency(t.db, { webhookUrl: receiver.url });
    items.partisan = (await seedFlaggedPost(t.db, agencyA, { text: partisanText, priority: 0.9 })).itemId;
    items.hostile = (await seedFlaggedPost(t.db, agencyA, { text: hostileText, priority: 0.5 })).itemId;
    items.toExpire = (await seedFlaggedPost(t.db, agencyA, { priority: 0.3 })).itemId;
    items.ofAgencyB = (await seedFlaggedPost(t.db, agencyB, { text: 'Rahasia instansi B: coblos 03' })).itemId;
    users.reviewerA = (await seedUser(t.db, 'reviewer', agencyA)).email;
    users.reviewerA2 = (await seedUser(t.db, 'reviewer', agencyA)).email;
    users.reviewerB = (await seedUser(t.db, 'reviewer', agencyB)).email;

    app = buildReviewApp({ db: t.db, logger, insecureCookies: true, secondFactor: 'off' });
    baseUrl = await app.listen({ host: '127.0.0.1', port: 0 });
    shortLeaseApp = buildReviewApp({ db: t.db, logger, insecureCookies: true, secondFactor: 'off', claimLeaseSeconds: 1 });
    shortLeaseUrl = await shortLeaseApp.listen({ host: '127.0.0.1', port: 0 });
    forwarder = startForwarder({ db: t.db, logger, signingSecret, outbound: loopbackAllowed, pollIntervalMs: 50 });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-background-networking', '--disable-gpu', '--disable-component-update', '--no-first-run'],
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await forwarder?.close();
    await app?.close();
    await shortLeaseApp?.close();
    await receiver?.close();
    await t?.drop();
  });

  /** A fresh browser profile, signed in through the sign-in page. */
  async function signedIn(email: string, url = baseUrl): Promise<Page> {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(url);
    await page.fill('input[name="email"]', email);
    await page.fill('input[name="password"]', PASSWORD);
    await Promise.all([page.waitForURL(`${url}/queue`), page.click('form.sign-in button')]);
    return page;
  }

  it('signs in, claims, confirms with a severity, and shows the case as delivered', async () => {
    const page = await signedIn(users.reviewerA);
    expect(await page.locator('table.queue').textContent()).toContain(partisanText.slice(0, 20));
    await Promise.all([page.waitForURL(`${baseUrl}/items/${items.partisan}`), page.click(`a[href="/items/${items.partisan}"]`)]);

    await Promise.all([page.waitForLoadState('load'), page.click('form[data-shortcut="c"] button')]);
    await page.waitForSelector('[data-item-status="claimed"]');
    await page.selectOption('form.confirm select[name="severity"]', 'sedang');
    await page.fill('form.confirm input[name="note"]', 'Ajakan mencoblos nomor urut 2');
    // A decision takes the reviewer on to the next item; the decided one shows its new status.
    await Promise.all([page.waitForURL((url) => !url.pathname.endsWith(`/items/${items.partisan}`)), page.click('form.confirm button')]);
    await page.goto(`${baseUrl}/items/${items.partisan}`);
    await page.waitForSelector('[data-item-status="confirmed"]');

    // The forwarder delivers in the background; the page shows it once recorded.
    await expect
      .poll(
        async () => {
          await page.reload();
          return page.locator('[data-forwarding-status="delivered"]').count();
        },
        { timeout: 15_000, interval: 250 },
      )
      .toBe(1);
    const delivered = receiver.deliveries.filter((d) => JSON.parse(d.body).review_item_id === items.partisan);
    expect(delivered).toHaveLength(1);
    expect(delivered[0]!.signatureValid).toBe(true);
    expect(JSON.parse(delivered[0]!.body).decision).toMatchObject({ severity: 'sedang', code: 'number_symbol' });
    expect(await page.locator('[data-history]').textContent()).toContain('dikonfirmasi');
    await page.context().close();
  });

  it('renders a post of <img onerror> and <script> as inert text', async () => {
    const page = await signedIn(users.reviewerA);
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    for (const url of [`${baseUrl}/queue`, `${baseUrl}/items/${items.hostile}`]) {
      await page.goto(url);
      // Evaluated as page source (this file is not compiled against the DOM).
      expect(await page.evaluate('window.__pwned')).toBeUndefined();
      expect(await page.locator('main img, main script').count()).toBe(0);
    }
    // The words are there, as text, exactly as posted (with "coblos" highlighted).
    expect(await page.locator('[data-post-text]').textContent()).toBe(hostileText);
    expect(await page.locator('[data-post-text] mark').textContent()).toBe('coblos');
    expect(dialogs).toEqual([]);
    await page.context().close();
  });

  it("does not let a reviewer of agency B open or decide agency A's item by URL", async () => {
    const page = await signedIn(users.reviewerB);
    const response = await page.goto(`${baseUrl}/items/${items.partisan}`);
    expect(response?.status()).toBe(404);
    expect(await page.locator('body').textContent()).not.toContain(partisanText);
    const missing = await page.goto(`${baseUrl}/items/987654321`);
    expect(missing?.status()).toBe(404);

    // B's queue holds B's item only; from B's own page, with B's valid session and CSRF token,
    // the API answers 404 for A's item too.
    await page.goto(`${baseUrl}/queue`);
    const queue = await page.locator('table.queue').textContent();
    expect(await page.locator(`a[href="/items/${items.ofAgencyB}"]`).count()).toBe(1);
    expect(queue).toContain('Rahasia instansi B');
    expect(queue).not.toContain('coblos nomor 2');
    const statuses = await page.evaluate(`(async () => {
      const csrf = document.querySelector('meta[name="netra-csrf"]').getAttribute('content');
      const post = (path, body) =>
        fetch(path, { method: 'POST', headers: { 'content-type': 'application/json', 'x-netra-csrf': csrf }, body: JSON.stringify(body) });
      return [
        (await fetch('/api/review-items/${items.hostile}')).status,
        (await post('/api/review-items/${items.hostile}/claim', {})).status,
        (await post('/api/review-items/${items.hostile}/decision', { action: 'dismiss', reason: 'not_partisan' })).status,
      ];
    })()`);
    expect(statuses).toEqual([404, 404, 404]);
    const events = await t.db.selectFrom('review_events').select('type').where('review_item_id', '=', items.hostile).execute();
    expect(events.map((e) => e.type)).not.toContain('dismissed');
    await page.context().close();
  });

  it('lets another reviewer take an item whose claim has expired', async () => {
    const first = await signedIn(users.reviewerA, shortLeaseUrl);
    await first.goto(`${shortLeaseUrl}/items/${items.toExpire}`);
    await Promise.all([first.waitForLoadState('load'), first.click('form[data-shortcut="c"] button')]);
    await first.waitForSelector('[data-item-status="claimed"]');

    const second = await signedIn(users.reviewerA2, shortLeaseUrl);
    // The lease is one second: once it has run out the item is free again.
    await expect
      .poll(
        async () => {
          await second.goto(`${shortLeaseUrl}/items/${items.toExpire}`);
          return second.locator('form[data-shortcut="c"] button').count();
        },
        { timeout: 60_000, interval: 300 },
      )
      .toBe(1);
    await Promise.all([second.waitForLoadState('load'), second.click('form[data-shortcut="c"] button')]);
    await second.waitForSelector('[data-item-status="claimed"]');
    const item = await t.db.selectFrom('review_items').select(['claimed_by']).where('id', '=', items.toExpire).executeTakeFirstOrThrow();
    const a2 = await t.db.selectFrom('users').select('id').where('email', '=', users.reviewerA2).executeTakeFirstOrThrow();
    expect(item.claimed_by).toBe(a2.id);
    await first.context().close();
    await second.context().close();
  });
});
