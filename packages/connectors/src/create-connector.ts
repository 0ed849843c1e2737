import type { Platform } from '@netra/core';
import { createBlueskyConnector } from './bluesky/connector.js';
import { createMastodonConnector } from './mastodon/connector.js';
import type { PlatformConnector } from './types.js';
import { createXConnector } from './x/connector.js';

export interface ConnectorSettings {
  baseUrl: string;
  /** X only: the app-only bearer token. */
  bearerToken?: string;
  timeoutMs?: number;
  /** Told of every HTTP answer's status (undefined: no answer), e.g. to count calls and 429s. */
  onResponse?: (status: number | undefined) => void;
}

/** The connector for a platform at a base URL: the one switch on platform names in the codebase. */
export function createConnector(platform: Platform, settings: ConnectorSettings): PlatformConnector {
  switch (platform) {
    case 'mastodon':
      return createMastodonConnector(settings);
    case 'bluesky':
      return createBlueskyConnector(settings);
    case 'x':
      if (!settings.bearerToken) throw new Error('X needs a bearer token (X_BEARER_TOKEN)');
      return createXConnector({ ...settings, bearerToken: settings.bearerToken });
  }
}
