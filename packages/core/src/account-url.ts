import type { AnyPlatform } from './domain.js';

/** The account a web address is of, as the registry stores it (handles lowercased). */
export interface AccountOfUrl {
  platform: AnyPlatform;
  /** Null when the address names a post but not its author (instagram.com/p/…, a share link). */
  handle: string | null;
}

// First path segments that are a platform's own pages, never an account.
const reserved: Record<string, ReadonlySet<string>> = {
  facebook: new Set(['watch', 'groups', 'events', 'share', 'story.php', 'permalink.php', 'photo', 'photo.php', 'reel', 'marketplace', 'pages', 'login', 'login.php', 'hashtag', 'gaming', 'stories']),
  instagram: new Set(['p', 'reel', 'reels', 'stories', 'explore', 'accounts', 'tv', 'direct']),
  x: new Set(['i', 'home', 'search', 'intent', 'share', 'hashtag', 'explore', 'settings', 'login']),
};

const hosts: { platform: AnyPlatform; domains: readonly string[] }[] = [
  { platform: 'facebook', domains: ['facebook.com', 'fb.com', 'fb.watch'] },
  { platform: 'instagram', domains: ['instagram.com'] },
  { platform: 'tiktok', domains: ['tiktok.com'] },
  { platform: 'youtube', domains: ['youtube.com', 'youtu.be'] },
  { platform: 'threads', domains: ['threads.net', 'threads.com'] },
  { platform: 'x', domains: ['x.com', 'twitter.com'] },
  { platform: 'bluesky', domains: ['bsky.app'] },
];

const under = (host: string, domain: string) => host === domain || host.endsWith(`.${domain}`);
const handleLike = (value: string | undefined) => (value && /^[\p{L}\p{N}._-]{1,100}$/u.test(value) ? value.toLowerCase() : null);

/**
 * Which platform and account a link a citizen reports points to, from the URL forms each
 * platform uses for profiles and posts: facebook.com/<name>/posts/…, profile.php?id=…,
 * instagram.com/<name>/, tiktok.com/@<name>/video/…, youtube.com/@<name>, threads.net/@<name>/post/…,
 * x.com/<name>/status/…, bsky.app/profile/<handle>/post/…. Null for another site.
 */
export function accountOfUrl(value: string): AccountOfUrl | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  const host = url.hostname.toLowerCase();
  const platform = hosts.find((h) => h.domains.some((domain) => under(host, domain)))?.platform;
  if (!platform) return null;
  const segments = url.pathname.split('/').filter(Boolean).map(decodeURIComponentSafe);
  const first = segments[0];
  switch (platform) {
    case 'facebook': {
      const id = url.searchParams.get('id');
      if ((first === 'profile.php' || first === 'permalink.php' || first === 'story.php') && id && /^\d+$/.test(id)) return { platform, handle: id };
      return { platform, handle: first && !reserved.facebook!.has(first.toLowerCase()) ? handleLike(first) : null };
    }
    case 'instagram':
    case 'x':
      return { platform, handle: first && !reserved[platform]!.has(first.toLowerCase()) ? handleLike(first) : null };
    case 'tiktok':
    case 'threads':
    case 'youtube':
      return { platform, handle: first?.startsWith('@') ? handleLike(first.slice(1)) : null };
    case 'bluesky':
      return { platform, handle: first === 'profile' ? handleLike(segments[1]) : null };
    default:
      return { platform, handle: null };
  }
}

function decodeURIComponentSafe(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
