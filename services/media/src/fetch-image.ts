import http from 'node:http';
import https from 'node:https';
import axios, { type AxiosInstance } from 'axios';
import { outboundAgents, type OutboundPolicy } from '@netra/core';
import { judgeMediaUrl, type MediaHostRule } from './media-hosts.js';

/** Why an image was not fetched, and whether trying again later may help. */
export class MediaFetchProblem extends Error {
  constructor(
    message: string,
    readonly outcome: 'refused' | 'gone' | 'retry',
  ) {
    super(message);
    this.name = 'MediaFetchProblem';
  }
}

export interface ImageFetcherOptions {
  maxBytes: number;
  timeoutMs: number;
  /** Non-public addresses allowed for hosts other than the configured API host (OUTBOUND_ALLOWED_ADDRESSES). */
  outbound: OutboundPolicy;
}

const maxRedirects = 3;

/**
 * Downloads an image from a platform's media host: every hop (redirects included) is judged
 * against the host rule, the body is cut off past the size limit, and slow hosts time out.
 * The bytes are returned as received; what they are is checked by inspectImage.
 */
export class ImageFetcher {
  private readonly trustedClient: AxiosInstance;
  private readonly publicClient: AxiosInstance;

  constructor(private readonly options: ImageFetcherOptions) {
    const common = {
      responseType: 'arraybuffer' as const,
      timeout: options.timeoutMs,
      maxContentLength: options.maxBytes,
      maxRedirects: 0,
      validateStatus: () => true,
      headers: { Accept: 'image/*', 'User-Agent': 'Netra-media/0.1 (+https://github.com/netra)' },
    };
    this.trustedClient = axios.create({ ...common, httpAgent: new http.Agent({ keepAlive: true }), httpsAgent: new https.Agent({ keepAlive: true }) });
    this.publicClient = axios.create({ ...common, ...outboundAgents(options.outbound) });
  }

  async fetch(url: string, rule: MediaHostRule): Promise<Buffer> {
    let current = url;
    for (let hop = 0; hop <= maxRedirects; hop++) {
      const verdict = judgeMediaUrl(current, rule);
      if (!verdict.allowed) throw new MediaFetchProblem(verdict.reason, 'refused');
      const response = await (verdict.trusted ? this.trustedClient : this.publicClient).get<ArrayBuffer>(current).catch((error: unknown) => {
        throw this.describe(error, current);
      });
      if (response.status >= 300 && response.status < 400 && typeof response.headers.location === 'string') {
        current = new URL(response.headers.location, current).toString();
        continue;
      }
      if (response.status === 404 || response.status === 410) throw new MediaFetchProblem(`platform tidak lagi menyajikan berkas (HTTP ${response.status})`, 'gone');
      if (response.status === 429 || response.status >= 500) throw new MediaFetchProblem(`host media menjawab HTTP ${response.status}`, 'retry');
      if (response.status !== 200) throw new MediaFetchProblem(`host media menjawab HTTP ${response.status}`, 'refused');
      return Buffer.from(response.data);
    }
    throw new MediaFetchProblem(`lebih dari ${maxRedirects} pengalihan`, 'refused');
  }

  private describe(error: unknown, url: string): MediaFetchProblem {
    const e = error as { code?: string; message?: string };
    if (e.code === 'ERR_BAD_RESPONSE' && /maxContentLength/.test(e.message ?? '')) {
      return new MediaFetchProblem(`berkas lebih besar dari ${Math.round(this.options.maxBytes / 1024 / 1024)} MiB`, 'refused');
    }
    // request-filtering-agent refuses a private address at connect time.
    if (/is not allowed/.test(e.message ?? '')) {
      return new MediaFetchProblem(`alamat ${new URL(url).hostname} adalah alamat internal`, 'refused');
    }
    return new MediaFetchProblem(`gagal mengambil berkas: ${e.code ?? e.message ?? 'galat jaringan'}`, 'retry');
  }
}
