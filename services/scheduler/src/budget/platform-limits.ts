import type { Platform } from '@netra/core';

/** One rate-limited endpoint as the platform documents it, per credential (an IP, an app). */
export interface EndpointLimit {
  endpoint: string;
  requestsPerWindow: number;
  windowSeconds: number;
  /** What one allowance belongs to: more of these buy more requests. */
  per: 'IP' | 'app';
  source: string;
}

export interface PlatformLimits {
  platform: Platform;
  /** Reading an account's new posts: one request per poll when nothing is new. */
  timeline: EndpointLimit;
  /** Listing who liked a watched candidate post. */
  likers: EndpointLimit;
  /** Dollars per post read, where the platform charges. */
  pricePerPostRead?: number;
  /** Post reads per month before the platform refuses (a cap, not a window). */
  monthlyPostReadCap?: number;
  /** A stream that pushes the accounts' activity instead of polling for it. */
  stream?: { name: string; accountsPerConnection: number; source: string };
  note?: string;
}

/**
 * The limits the planner budgets against, as the platforms document them (read 2026-12-03).
 * They move: each can be overridden from the command line, and the scheduler's own governor
 * always obeys the live rate-limit headers, whatever this table says.
 */
export const platformLimits: Record<Platform, PlatformLimits> = {
  mastodon: {
    platform: 'mastodon',
    timeline: { endpoint: 'GET /api/v1/accounts/:id/statuses', requestsPerWindow: 300, windowSeconds: 300, per: 'IP', source: 'Mastodon docs, rate limits: 300 requests / 5 min per IP and per account, per instance' },
    likers: { endpoint: 'GET /api/v1/statuses/:id/favourited_by', requestsPerWindow: 300, windowSeconds: 300, per: 'IP', source: 'same window as every API call' },
    note: 'per instance: accounts on several instances share nothing, so the budget is per (instance, IP)',
  },
  bluesky: {
    platform: 'bluesky',
    timeline: { endpoint: 'GET app.bsky.feed.getAuthorFeed', requestsPerWindow: 3000, windowSeconds: 300, per: 'IP', source: "bsky-docs rate-limits.md: PDS 3000 / 5 min per IP; the public AppView's are 'generous', unpublished: budgeted like the PDS" },
    likers: { endpoint: 'GET app.bsky.feed.getLikes', requestsPerWindow: 3000, windowSeconds: 300, per: 'IP', source: 'as above' },
    stream: { name: 'Jetstream (wantedDids)', accountsPerConnection: 10_000, source: 'Jetstream: at most 10,000 wantedDids per connection' },
  },
  x: {
    platform: 'x',
    timeline: { endpoint: 'GET /2/users/:id/tweets', requestsPerWindow: 10_000, windowSeconds: 900, per: 'app', source: 'docs.x.com rate limits: 10,000 / 15 min per app (900 per user token)' },
    likers: { endpoint: 'GET /2/tweets/:id/liking_users', requestsPerWindow: 75, windowSeconds: 900, per: 'app', source: 'docs.x.com rate limits: 75 / 15 min per app; at most 100 likers per post' },
    pricePerPostRead: 0.005,
    monthlyPostReadCap: 3_000_000,
    note: 'pay-per-usage: $0.005 a post read, deduplicated per UTC day; 3,000,000 post reads a month, then 429 UsageCapExceeded until the cycle ends',
  },
};
