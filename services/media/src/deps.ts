import type { Logger, Platform } from '@netra/core';
import type { MediaRepository } from '@netra/db';
import type { ImageLimits, MediaStore, OcrOptions } from '@netra/media';
import type { Queues } from '@netra/queue';
import type { ImageFetcher } from './fetch-image.js';

/** What the media worker needs; built once by the service (or the demo, or a test). */
export interface MediaDeps {
  media: MediaRepository;
  store: MediaStore;
  fetcher: ImageFetcher;
  queues: Queues;
  logger: Logger;
  /** The API base URL each platform is read from (a Mastodon account's own instance overrides it). */
  apiBaseUrls: Partial<Record<Platform, string>>;
  /** MEDIA_HOSTS. */
  extraHosts: readonly string[];
  limits: ImageLimits;
  ocr: OcrOptions;
}
