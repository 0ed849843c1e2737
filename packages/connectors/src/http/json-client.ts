import axios, { type AxiosInstance } from 'axios';
import type { z } from 'zod';
import { PlatformError } from '../errors.js';
import { parseLinkHeader } from './link-header.js';
import { retryAfterMs } from './retry-after.js';

export interface JsonClientOptions {
  baseUrl: string;
  timeoutMs: number;
  userAgent: string;
}

export interface JsonResponse<T> {
  data: T;
  /** The response's Link header, rel → absolute URL. */
  links: Record<string, string>;
  url: string;
}

/** Platform bodies are small JSON; anything far larger is not what we asked for. */
const maxBodyBytes = 10 * 1024 * 1024;

/**
 * GETs JSON from one platform host and turns every failure into a PlatformError the ingest
 * worker can act on. Only URLs on the configured host are followed, so a hostile Link header
 * cannot point us at another host.
 */
export class JsonClient {
  private readonly http: AxiosInstance;
  private readonly origin: string;

  constructor(private readonly options: JsonClientOptions) {
    this.origin = new URL(options.baseUrl).origin;
    this.http = axios.create({
      timeout: options.timeoutMs,
      headers: { 'User-Agent': options.userAgent, Accept: 'application/json' },
      maxRedirects: 0,
      maxContentLength: maxBodyBytes,
      // Statuses are mapped below, not thrown by axios.
      validateStatus: () => true,
    });
  }

  /** Resolves a path (or a URL from a Link header) against the base URL, refusing other hosts. */
  resolve(pathOrUrl: string): string {
    const url = new URL(pathOrUrl, this.options.baseUrl);
    if (url.origin !== this.origin) {
      throw new PlatformError('MALFORMED', `refusing to follow ${url.href}: not on ${this.origin}`, { url: url.href });
    }
    return url.href;
  }

  async get<S extends z.ZodType>(pathOrUrl: string, schema: S): Promise<JsonResponse<z.output<S>>> {
    const url = this.resolve(pathOrUrl);
    let response;
    try {
      response = await this.http.get<unknown>(url, { responseType: 'json' });
    } catch (error) {
      const reason = axios.isAxiosError(error) ? (error.code ?? error.message) : String(error);
      throw new PlatformError('UNAVAILABLE', `GET ${url} failed: ${reason}`, { url });
    }
    const headers = Object.fromEntries(Object.entries(response.headers).map(([name, value]) => [name.toLowerCase(), value === undefined || value === null ? undefined : String(value)]));
    if (response.status !== 200) throw errorForStatus(url, response.status, headers);
    const parsed = schema.safeParse(response.data);
    if (!parsed.success) {
      const problems = parsed.error.issues.slice(0, 3).map((issue) => `${issue.path.join('.') || '(body)'}: ${issue.message}`);
      throw new PlatformError('MALFORMED', `GET ${url} returned an unexpected body: ${problems.join('; ')}`, { url, status: 200 });
    }
    return { data: parsed.data, links: parseLinkHeader(headers['link']), url };
  }
}

function errorForStatus(url: string, status: number, headers: Record<string, string | undefined>): PlatformError {
  const context = { url, status, retryAfterMs: retryAfterMs(headers) };
  if (status === 429) return new PlatformError('RATE_LIMITED', `GET ${url}: rate limited (429)`, context);
  if (status >= 500 || status === 408) return new PlatformError('UNAVAILABLE', `GET ${url}: server error ${status}`, context);
  if (status === 404 || status === 410) return new PlatformError('NOT_FOUND', `GET ${url}: not found (${status})`, { url, status });
  // Public data behind a login or a block: the platform will not show it to us.
  if (status === 401 || status === 403) return new PlatformError('PROTECTED', `GET ${url}: not public (${status})`, { url, status });
  return new PlatformError('MALFORMED', `GET ${url}: unexpected status ${status}`, { url, status });
}
