import type { Platform } from '@netra/core';
import { createConnector, type PlatformConnector } from '@netra/connectors';
import { recordPlatformCall } from '@netra/observability';

export interface PlatformEndpoints {
  mastodon?: { baseUrl: string };
  bluesky?: { baseUrl: string };
  x?: { baseUrl: string; bearerToken: string };
}

/** Where an account lives: its platform, its own instance if it has one, and its handle. */
export interface AccountLocation {
  platform: Platform;
  base_url: string | null;
  handle: string;
}

/**
 * One connector per (platform, host), made on first use and kept, so each host's rate-limit
 * window is learnt once and shared by every job of this process. A Mastodon account is read on
 * its home instance: its own base_url, else the domain of a handle like 'budi@instance', else the
 * configured instance.
 */
export class ConnectorPool {
  private readonly connectors = new Map<string, PlatformConnector>();

  constructor(
    private readonly endpoints: PlatformEndpoints,
    private readonly timeoutMs?: number,
  ) {}

  platforms(): Platform[] {
    return (Object.keys(this.endpoints) as Platform[]).filter((platform) => this.endpoints[platform] !== undefined);
  }

  /** The configured host of a platform: its 429 pauses the platform's whole queue. */
  defaultHost(platform: Platform): string | undefined {
    const endpoint = this.endpoints[platform];
    return endpoint ? new URL(endpoint.baseUrl).host : undefined;
  }

  forAccount(account: AccountLocation): PlatformConnector {
    const endpoint = this.endpoints[account.platform];
    if (!endpoint) throw new Error(`${account.platform} is not configured in this ingest process`);
    const baseUrl = account.base_url ?? homeInstance(account) ?? endpoint.baseUrl;
    const key = `${account.platform} ${baseUrl}`;
    let connector = this.connectors.get(key);
    if (!connector) {
      connector = createConnector(account.platform, {
        ...endpoint,
        baseUrl,
        timeoutMs: this.timeoutMs,
        onResponse: (status) => recordPlatformCall(account.platform, status),
      });
      this.connectors.set(key, connector);
    }
    return connector;
  }
}

function homeInstance(account: AccountLocation): string | undefined {
  if (account.platform !== 'mastodon') return undefined;
  const domain = /^@?[^@\s]+@([a-z0-9.-]+\.[a-z]{2,})$/i.exec(account.handle)?.[1];
  return domain ? `https://${domain.toLowerCase()}` : undefined;
}
