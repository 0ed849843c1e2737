import { chromium, type Browser } from 'playwright-core';

export interface BrowserOptions {
  /** Debian's chromium (apt-get install chromium). */
  executablePath: string;
  /**
   * Chromium's --host-resolver-rules, for tests and the demo only: e.g. "MAP www.facebook.com
   * 127.0.0.1:4000" opens a local stand-in under the platform's own name.
   */
  hostResolverRules?: string;
}

/**
 * One headless Chromium per worker process, started on first use and started again if it
 * crashed; every capture gets a fresh context (no cookies, no storage carried between reports).
 */
export class SharedBrowser {
  private browser: Promise<Browser> | null = null;
  /** Hosts the resolver rules map: the operator pointed them somewhere on purpose. */
  readonly mappedHosts: ReadonlySet<string>;

  constructor(private readonly options: BrowserOptions) {
    this.mappedHosts = new Set([...(options.hostResolverRules ?? '').matchAll(/MAP\s+(\S+)\s+/g)].map((m) => m[1]!.toLowerCase()));
  }

  get(): Promise<Browser> {
    if (!this.browser) {
      const args = ['--no-sandbox', '--disable-background-networking', '--disable-dev-shm-usage', '--mute-audio'];
      if (this.options.hostResolverRules) args.push(`--host-resolver-rules=${this.options.hostResolverRules}`);
      const launching = chromium.launch({ executablePath: this.options.executablePath, args });
      this.browser = launching;
      launching.then(
        (browser) => browser.on('disconnected', () => (this.browser = null)),
        () => (this.browser = null),
      );
    }
    return this.browser;
  }

  async close(): Promise<void> {
    const browser = await this.browser?.catch(() => null);
    this.browser = null;
    await browser?.close();
  }
}
