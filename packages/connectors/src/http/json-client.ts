import axios, { type AxiosInstance } from 'axios';
import type { z } from 'zod';
import { sha256Hex } from '@netra/core';
import { PlatformError } from '../errors.js';
import type { RawPage } from '../types.js';
import { parseLinkHeader } from './link-header.js';
import { exhaustedWindowMs, retryAfterMs } from './retry-after.js';

/**
 * Maps a non-200 answer (or a 200 that is an error in disguise, as X's `errors`) to the
 * platform's meaning; returning undefined falls back to the generic HTTP mapping.
 */
export type ErrorClassifier = (response: { url: string; status: number; body: unknown; page: RawPage }) => PlatformError | undefined;

export interface JsonClientOptions {
  baseUrl: string;
  timeoutMs: number;
  userAgent: string;
  /** Sent with every request (X's bearer token); never recorded in raw pages. */
  headers?: Record<string, string>;
  classifyError?: ErrorClassifier;
  /** Told of every answer's status (undefined: no answer at all), for call and 429 metrics. */
  onResponse?: (status: number | undefined) => void;
}

export interface JsonResponse<T> {
  data: T;
  /** The response's Link header, rel → absolute URL. */
  links: Record<string, string>;
  url: string;
  page: RawPage;
}

/** Platform bodies are small JSON; anything far larger is not what we asked for. */
const maxBodyBytes = 10 * 1024 * 1024;
/** Headers kept with a raw page: what the platform said about its limits, and when. */
const keptHeaders = /^(date|retry-after|link|x-ratelimit-.*|x-rate-limit-.*|ratelimit-.*)$/;

/**
 * GETs JSON from one platform host and turns every failure into a PlatformError the ingest
 * worker can act on. Every answer is kept as a RawPage (URL, status, rate headers, exact body,
 * SHA-256, time) for the caller to store. Only URLs on the configured host are followed, so a
 * hostile Link header cannot point us at another host. When the platform's headers say the
 * window is used up, the next call fails fast as RATE_LIMITED instead of earning a 429.
 */
export class JsonClient {
  private readonly http: AxiosInstance;
  readonly origin: string;
  private windowReopensAt = 0;

  constructor(private readonly options: JsonClientOptions) {
    this.origin = new URL(options.baseUrl).origin;
    this.http = axios.create({
      timeout: options.timeoutMs,
      headers: { 'User-Agent': options.userAgent, Accept: 'application/json', ...options.headers },
      maxRedirects: 0,
      maxContentLength: maxBodyBytes,
      // The exact bytes are evidence, and a body that is not JSON is ours to report.
      responseType: 'text',
      transformResponse: (body: unknown) => body,
      // Statuses are mapped below, not thrown by axios.
      validateStatus: () => true,
    });
  }

  get host(): string {
    return new URL(this.origin).host;
  }

  /** Resolves a path (or a URL from a Link header) against the base URL, refusing other hosts. */
  resolve(pathOrUrl: string): string {
    const url = new URL(pathOrUrl, this.options.baseUrl);
    if (url.origin !== this.origin) {
      throw new PlatformError('MALFORMED', `refusing to follow ${url.href}: not on ${this.origin}`, { url: url.href });
    }
    return url.href;
  }

  /** GETs and validates; the raw page is appended to `pages` whatever the outcome, once received. */
  async get<S extends z.ZodType>(pathOrUrl: string, schema: S, pages: RawPage[]): Promise<JsonResponse<z.output<S>>> {
    const url = this.resolve(pathOrUrl);
    const waitMs = this.windowReopensAt - Date.now();
    if (waitMs > 0) throw new PlatformError('RATE_LIMITED', `GET ${url}: rate-limit window used up, not calling`, { url, retryAfterMs: waitMs });
    let response;
    try {
      response = await this.http.get<string>(url);
    } catch (error) {
      this.options.onResponse?.(undefined);
      const reason = axios.isAxiosError(error) ? (error.code ?? error.message) : String(error);
      throw new PlatformError('UNAVAILABLE', `GET ${url} failed: ${reason}`, { url });
    }
    this.options.onResponse?.(response.status);
    const headers = Object.fromEntries(
      Object.entries(response.headers).map(([name, value]) => [name.toLowerCase(), value === undefined || value === null ? undefined : String(value)]),
    );
    const body = typeof response.data === 'string' ? response.data : String(response.data ?? '');
    const page: RawPage = {
      url,
      status: response.status,
      rateHeaders: Object.fromEntries(Object.entries(headers).filter((e): e is [string, string] => e[1] !== undefined && keptHeaders.test(e[0]))),
      body,
      sha256: sha256Hex(body),
      retrievedAt: new Date(),
    };
    pages.push(page);
    const exhausted = exhaustedWindowMs(headers);
    if (exhausted !== undefined) this.windowReopensAt = Date.now() + exhausted;

    const json = parseJson(body);
    const special = this.options.classifyError?.({ url, status: response.status, body: json, page });
    if (special) throw special;
    if (response.status !== 200) throw errorForStatus(url, response.status, headers, page);
    if (json === undefined) throw new PlatformError('MALFORMED', `GET ${url} returned a body that is not JSON`, { url, status: 200, page });
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      const problems = parsed.error.issues.slice(0, 3).map((issue) => `${issue.path.join('.') || '(body)'}: ${issue.message}`);
      throw new PlatformError('MALFORMED', `GET ${url} returned an unexpected body: ${problems.join('; ')}`, { url, status: 200, page });
    }
    return { data: parsed.data, links: parseLinkHeader(headers['link']), url, page };
  }
}

function parseJson(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}

function errorForStatus(url: string, status: number, headers: Record<string, string | undefined>, page: RawPage): PlatformError {
  const context = { url, status, retryAfterMs: retryAfterMs(headers), page };
  if (status === 429) return new PlatformError('RATE_LIMITED', `GET ${url}: rate limited (429)`, context);
  if (status >= 500 || status === 408) return new PlatformError('UNAVAILABLE', `GET ${url}: server error ${status}`, context);
  if (status === 404 || status === 410) return new PlatformError('NOT_FOUND', `GET ${url}: not found (${status})`, { url, status, page });
  // Public data behind a login or a block: the platform will not show it to us.
  if (status === 401 || status === 403) return new PlatformError('PROTECTED', `GET ${url}: not public (${status})`, { url, status, page });
  return new PlatformError('MALFORMED', `GET ${url}: unexpected status ${status}`, { url, status, page });
}
