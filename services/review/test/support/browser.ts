import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { ReviewApp } from '../../src/index.js';
import { signIn } from './client.js';

/** Chromium as CI installs it; browser tests are skipped, with a warning, where it is missing. */
export const chromiumPath = '/usr/bin/chromium';
export const hasChromium = existsSync(chromiumPath);

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-gpu', '--disable-component-update', '--no-first-run'],
  });
}

/** A browser context signed in as `email` on the app listening at `baseUrl`. */
export async function signedInContext(browser: Browser, app: ReviewApp, baseUrl: string, email: string, options: Parameters<Browser['newContext']>[0] = {}): Promise<BrowserContext> {
  const [name, value] = (await signIn(app, email)).cookie.split('=') as [string, string];
  const context = await browser.newContext(options);
  await context.addCookies([{ name, value, url: baseUrl }]);
  return context;
}

/** Script errors and console errors of a page, collected as they happen. */
export function pageProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => {
    // A failed request is reported by the test with its URL, where it matters. bull-board asks
    // Google Fonts for its typeface; a government workspace sends nothing to a third party, so
    // that one refusal is by design (the page falls back to the system font).
    const text = message.text();
    if (message.type() === 'error' && !text.startsWith('Failed to load resource') && !text.includes('https://fonts.googleapis.com/')) problems.push(text);
  });
  return problems;
}
