import { PUBLIC_ONLY, type Logger, type OutboundPolicy, type Platform } from '@netra/core';
import { MediaRepository, ReportRepository, type Db } from '@netra/db';
import { defaultImageLimits, defaultOcrOptions, DirectoryMediaStore, type MediaStore } from '@netra/media';
import type { Queues } from '@netra/queue';
import { SharedBrowser } from './capture/browser.js';
import type { CaptureDeps } from './capture/capture-report.js';
import type { MediaDeps } from './deps.js';
import { ImageFetcher } from './fetch-image.js';

/** Wires the media worker the same way for the service, the demo and tests. */
export function buildMediaDeps(options: {
  db: Db;
  queues: Queues;
  logger: Logger;
  /** A directory (MEDIA_DIR) or another store. */
  store: string | MediaStore;
  apiBaseUrls: Partial<Record<Platform, string>>;
  extraHosts?: readonly string[];
  outbound?: OutboundPolicy;
  timeoutMs?: number;
}): MediaDeps {
  const limits = defaultImageLimits;
  return {
    media: new MediaRepository(options.db),
    store: typeof options.store === 'string' ? new DirectoryMediaStore(options.store) : options.store,
    fetcher: new ImageFetcher({ maxBytes: limits.maxBytes, timeoutMs: options.timeoutMs ?? 20_000, outbound: options.outbound ?? PUBLIC_ONLY }),
    queues: options.queues,
    logger: options.logger,
    apiBaseUrls: options.apiBaseUrls,
    extraHosts: options.extraHosts ?? [],
    limits,
    ocr: defaultOcrOptions,
  };
}

/** The media worker's deps plus what capturing reports needs: a shared Chromium and its limits. */
export function buildCaptureDeps(
  media: MediaDeps,
  options: { db: Db; chromiumPath: string; outbound?: OutboundPolicy; timeoutMs?: number; hostResolverRules?: string },
): CaptureDeps {
  return {
    ...media,
    reports: new ReportRepository(options.db),
    browser: new SharedBrowser({ executablePath: options.chromiumPath, ...(options.hostResolverRules ? { hostResolverRules: options.hostResolverRules } : {}) }),
    capture: { timeoutMs: options.timeoutMs ?? 30_000, outbound: options.outbound ?? PUBLIC_ONLY },
  };
}
