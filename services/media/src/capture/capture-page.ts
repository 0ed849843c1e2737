import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { addressAllowed, outboundUrlProblem, type OutboundPolicy } from '@netra/core';
import type { SharedBrowser } from './browser.js';

/** What a reported page showed when Netra opened it. */
export interface PageCapture {
  capturedAt: Date;
  finalUrl: string;
  httpStatus: number | null;
  /** The platform asked to sign in instead of showing the post: recorded, never bypassed. */
  loginWall: boolean;
  title: string | null;
  /** The post's words as the page gives them to everyone (og:description), else its visible text. */
  text: string | null;
  html: Buffer;
  screenshot: Buffer;
}

export class CaptureRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CaptureRefused';
  }
}

export interface CaptureOptions {
  timeoutMs: number;
  /** Non-public addresses the page may still load from (OUTBOUND_ALLOWED_ADDRESSES: the demo, tests). */
  outbound: OutboundPolicy;
}

const viewport = { width: 1280, height: 900 };
// A page longer than this is kept from its top: the post is there, comments below are not the evidence.
const maxScreenshotHeight = 6000;
const maxText = 4000;
const loginPaths = /\/(login|signin|sign_in|checkpoint|accounts\/login|i\/flow\/login)\b/i;

/**
 * Opens a reported URL in headless Chromium as an anonymous visitor and keeps what it showed:
 * a screenshot from the top (at most 6000 px), the HTML, the final URL after redirects and the
 * HTTP status. Every request the page makes is checked first: only http(s) to public addresses
 * (or ones the policy lists), so a report cannot make Netra read its own network.
 */
export async function capturePage(browser: SharedBrowser, url: string, options: CaptureOptions): Promise<PageCapture> {
  const context = await (await browser.get()).newContext({ viewport, acceptDownloads: false, serviceWorkers: 'block', locale: 'id-ID' });
  const mapped = browser.mappedHosts;
  const refused: string[] = [];
  try {
    await context.route('**/*', async (route) => {
      const target = route.request().url();
      const problem = await requestProblem(target, mapped, options.outbound);
      if (problem === null) return route.continue();
      refused.push(problem);
      return route.abort('blockedbyclient');
    });
    const page = await context.newPage();
    let response;
    try {
      response = await page.goto(url, { waitUntil: 'load', timeout: options.timeoutMs });
    } catch (error) {
      if (refused.length > 0) throw new CaptureRefused(refused[0]!);
      throw error;
    }
    const finalUrl = page.url();
    const title = (await page.title()) || null;
    // Run in the page (a string: this code is compiled without the DOM's types).
    const text = await page.evaluate<string | null>(
      `(() => { const meta = document.querySelector('meta[property="og:description"], meta[name="description"]')?.getAttribute('content')?.trim();
        return (meta || document.body?.innerText?.trim() || '').slice(0, ${maxText}) || null; })()`,
    );
    const loginWall = loginPaths.test(new URL(finalUrl).pathname) || (await page.locator('input[type="password"]').count()) > 0;
    const height = await page.evaluate<number>('document.documentElement.scrollHeight');
    const screenshot = await page.screenshot({ fullPage: true, clip: { x: 0, y: 0, width: viewport.width, height: Math.min(Math.max(height, viewport.height), maxScreenshotHeight) } });
    const html = Buffer.from(await page.content(), 'utf8');
    return { capturedAt: new Date(), finalUrl, httpStatus: response?.status() ?? null, loginWall, title, text, html, screenshot };
  } finally {
    await context.close();
  }
}

const resolved = new Map<string, Promise<string[]>>();

async function requestProblem(target: string, mapped: ReadonlySet<string>, policy: OutboundPolicy): Promise<string | null> {
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    return `alamat ${target.slice(0, 100)} tidak sah`;
  }
  if (url.protocol === 'data:' || url.protocol === 'blob:') return null;
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  if (mapped.has(host)) return null;
  // The policy's own check of the URL (scheme, credentials, a literal or loopback address); a
  // name is resolved here, since Chromium connects without our agents.
  const problem = outboundUrlProblem(target, policy);
  if (problem !== null) return `alamat ${target.slice(0, 100)} tidak dibuka: ${problem}`;
  if (isIP(host) !== 0 || host === 'localhost') return null;
  const addresses = await addressesOf(host);
  if (addresses.length === 0) return `${host} tidak ditemukan`;
  const internal = addresses.find((address) => !addressAllowed(address, policy));
  return internal ? `alamat ${host} (${internal}) adalah alamat internal, tidak dibuka` : null;
}

function addressesOf(host: string): Promise<string[]> {
  if (!resolved.has(host)) {
    const lookingUp = lookup(host, { all: true }).then(
      (entries) => entries.map((entry) => entry.address),
      () => [],
    );
    resolved.set(host, lookingUp);
    // A name's addresses change: look again after a minute.
    setTimeout(() => resolved.delete(host), 60_000).unref();
  }
  return resolved.get(host)!;
}
