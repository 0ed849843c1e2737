import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '@netra/core';
import { refreshStatistics } from '@netra/stats';
import { createTestDatabase, seedKnownDataSet, seedUser, type TestDatabase } from '@netra/testing';
import { buildReviewApp, type ReviewApp } from '../src/index.js';
import { chromiumPath, hasChromium, launchChromium, pageProblems, signedInContext } from './support/browser.js';

/** The statistics page in a real browser: charts drawn under the strict CSP, tables, CSV download. */
if (!hasChromium) console.warn(`skipping the statistics page browser test: no Chromium at ${chromiumPath}`);

let t: TestDatabase;
let app: ReviewApp;
let baseUrl: string;
let browser: Browser;
let analystEmail: string;

describe.skipIf(!hasChromium)('statistics page in Chromium', () => {
  beforeAll(async () => {
    t = await createTestDatabase();
    app = buildReviewApp({ db: t.db, logger: createLogger('review-test', 'silent'), insecureCookies: true, secondFactor: 'off' });
    await seedKnownDataSet(t.db);
    await refreshStatistics(t.db);
    const analyst = await seedUser(t.db, 'analyst', null);
    baseUrl = await app.listen({ host: '127.0.0.1', port: 0 });
    analystEmail = analyst.email;
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await t?.drop();
  });

  it('draws the charts with no script or CSP error, shows the region table and downloads the CSV', async () => {
    const context = await signedInContext(browser, app, baseUrl, analystEmail, { acceptDownloads: true });
    const page = await context.newPage();
    const problems = pageProblems(page);
    page.on('response', (response) => {
      // The browser asks for a favicon on its own; the workspace has none.
      if (response.status() >= 400 && !response.url().endsWith('/favicon.ico')) problems.push(`${response.status()} ${response.url()}`);
    });

    await page.goto(`${baseUrl}/stats?from=2024-01-01&to=2024-12-31`);
    for (const id of ['chart-trend', 'chart-phase', 'chart-code', 'chart-platform', 'chart-severity', 'chart-agency']) {
      await page.locator(`#${id}[data-chart="ready"]`).waitFor();
    }
    expect(await page.locator('#chart-trend').getAttribute('data-points')).toBe('5');
    expect(await page.locator('#chart-code').getAttribute('data-points')).toBe('4');
    expect(await page.locator('#chart-platform').getAttribute('data-points')).toBe('3');
    expect(await page.locator('#chart-agency').getAttribute('data-points')).toBe('2');
    // The known elections are not in this database: every flag is outside an election's calendar.
    expect(await page.locator('#chart-phase').getAttribute('data-points')).toBe('1');
    // Codes read as labels, and the wording leaves the verdict to Bawaslu and the agency.
    expect(await page.locator('main').innerText()).toContain('Nomor urut / simbol jari');
    expect(await page.locator('main').innerText()).not.toMatch(/number_symbol|Pelanggaran dikonfirmasi/);
    expect(await page.locator('.headline').innerText()).toContain('Kasus dikonfirmasi peninjau');
    // A string, so this file needs no DOM types: some pixel of the canvas is not transparent.
    const painted = await page.evaluate(`(() => {
      const canvas = document.getElementById('chart-trend');
      const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
      for (let i = 3; i < pixels.length; i += 4) if (pixels[i] > 0) return true;
      return false;
    })()`);
    expect(painted).toBe(true);

    const regions = page.locator('table.regions tbody tr');
    expect(await regions.count()).toBe(2);
    // An analyst sees counts of 1 to 4 suppressed, and no rate computed from them.
    expect(await regions.first().innerText()).toMatch(/DKI Jakarta\s+Kota Jakarta Pusat\s+<5\s+<5\s+<5\s+—/);

    // Every province has its tile; the two with flags are shaded, the rest pale.
    expect(await page.locator('.tile-map .tile').count()).toBe(38);
    expect(await page.locator('.tile[data-province="31"]').innerText()).toMatch(/DKI\s+<5/);
    expect(await page.locator('.tile[data-province="35"]').getAttribute('class')).not.toContain('heat-0');
    expect(await page.locator('.tile[data-province="91"]').getAttribute('class')).toContain('heat-0');

    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#download-csv').click()]);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.split('\n')[0]).toBe('agency_code,agency_name,code,flags,confirmed,dismissed,decided,pending,confirm_rate');
    expect(csv).toContain('pemkot-malang,Instansi pemkot-malang,party_attribute,0,<5,0,0,0,');

    expect(problems).toEqual([]);
    await context.close();
  });
});
