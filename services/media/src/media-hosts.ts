import type { Platform } from '@netra/core';

/** Where each platform serves its media besides its API host: Bluesky's CDN, X's image host. */
const platformMediaHosts: Record<Platform, readonly string[]> = {
  mastodon: [],
  bluesky: ['bsky.app'],
  x: ['twimg.com'],
};

export interface MediaHostRule {
  platform: Platform;
  /** The API base URL the post was read from (the operator configured it, so loopback is fine). */
  apiBaseUrl: string;
  /** The post's own web address: a Mastodon post's instance serves its files (public addresses only). */
  postUrl: string | null;
  /** MEDIA_HOSTS: further hosts, each covering its subdomains (an instance's CDN). */
  extraHosts: readonly string[];
}

/** How an allowed image URL may be fetched. */
export type MediaHostVerdict =
  | { allowed: true; /** The configured API host itself: connect even to a non-public address. */ trusted: boolean }
  | { allowed: false; reason: string };

const under = (host: string, domain: string) => host === domain || host.endsWith(`.${domain}`);

/**
 * Whether an image URL named in a platform's answer may be fetched: only http(s), only from the
 * platform's own hosts. A post is hostile input, and a URL in it could point anywhere (an
 * internal service, a tracker); everything but the configured API host is fetched through the
 * public-address-only agent.
 */
export function judgeMediaUrl(value: string, rule: MediaHostRule): MediaHostVerdict {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { allowed: false, reason: 'alamat berkas bukan URL yang sah' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { allowed: false, reason: `alamat berkas memakai ${url.protocol}, hanya http(s) yang diambil` };
  if (url.username !== '' || url.password !== '') return { allowed: false, reason: 'alamat berkas memuat nama pengguna atau kata sandi' };
  const api = new URL(rule.apiBaseUrl);
  if (url.host === api.host) return { allowed: true, trusted: true };
  const host = url.hostname.toLowerCase();
  const postHost = rule.postUrl ? safeHostname(rule.postUrl) : null;
  const domains = [api.hostname.toLowerCase(), ...(rule.platform === 'mastodon' && postHost ? [postHost] : []), ...platformMediaHosts[rule.platform], ...rule.extraHosts];
  if (domains.some((domain) => under(host, domain))) return { allowed: true, trusted: false };
  return { allowed: false, reason: `berkas di ${host} bukan dari host media ${rule.platform} (tambahkan ke MEDIA_HOSTS bila host itu milik platform)` };
}

function safeHostname(value: string): string | null {
  try {
    return new URL(value).hostname.toLowerCase();
  } catch {
    return null;
  }
}
