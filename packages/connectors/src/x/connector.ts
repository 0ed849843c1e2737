import { PlatformError } from '../errors.js';
import { JsonClient, type ErrorClassifier } from '../http/json-client.js';
import { retryAfterMs } from '../http/retry-after.js';
import { compareIds } from '../mastodon/ids.js';
import { defaultMaxPages, defaultUserAgent, followPages, maxEngagementPages } from '../shared/paging.js';
import type { EngagementObservation, NormalisedPost, PlatformConnector, PostPage, RawPage } from '../types.js';
import { normaliseTweet, toAccountRef } from './normalise.js';
import { tweetListResponse, tweetResponse, userListResponse, userResponse, type XUser } from './schemas.js';

export interface XConnectorOptions {
  /** https://api.x.com, or a stand-in. */
  baseUrl: string;
  /** App-only bearer token, from the environment (X_BEARER_TOKEN); never stored or logged. */
  bearerToken: string;
  timeoutMs?: number;
  onResponse?: (status: number | undefined) => void;
  userAgent?: string;
}

const tweetFields = 'tweet.fields=created_at,author_id,conversation_id,referenced_tweets,edit_history_tweet_ids,public_metrics,attachments';
const expansions = 'expansions=author_id,referenced_tweets.id,referenced_tweets.id.author_id,attachments.media_keys&user.fields=username,name,protected&media.fields=alt_text,type,url,preview_image_url';
const timelinePageSize = 100;

/**
 * X hides "not found", "suspended" and "not authorised" inside a 200 with an `errors` array, and
 * a spent monthly cap inside a 429: both are read here, before the generic status mapping.
 */
const classifyError: ErrorClassifier = ({ url, status, body, page }) => {
  const { data, errors, title, type } = (body ?? {}) as { data?: unknown; errors?: { type?: string; detail?: string; title?: string }[]; title?: string; type?: string };
  if (status === 429 && (title === 'UsageCapExceeded' || type?.includes('usage-capped'))) {
    const headers = Object.fromEntries(Object.entries(page.rateHeaders));
    return new PlatformError('CAP_EXCEEDED', `GET ${url}: X usage cap exceeded`, { url, status, retryAfterMs: retryAfterMs(headers), page });
  }
  // Our own credential refused: no account fact, and no retry will fix it.
  if (status === 401) return new PlatformError('MALFORMED', `GET ${url}: the bearer token was refused (401)`, { url, status, page });
  if (status !== 200 || data !== undefined || !errors?.length) return undefined;
  const first = errors[0]!;
  const reason = `GET ${url}: ${first.title ?? 'error'}${first.detail ? ` (${first.detail})` : ''}`;
  if (/suspended/i.test(first.detail ?? '')) return new PlatformError('SUSPENDED', reason, { url, status, page });
  if (first.type?.endsWith('/not-authorized-for-resource')) return new PlatformError('PROTECTED', reason, { url, status, page });
  if (first.type?.endsWith('/resource-not-found')) return new PlatformError('NOT_FOUND', reason, { url, status, page });
  return new PlatformError('MALFORMED', reason, { url, status, page });
};

/**
 * Reads X API v2 with an app-only bearer token. Timelines page back with `pagination_token`,
 * recent search with `next_token`; replies to a post are found by `conversation_id:` search,
 * which X limits to the last 7 days. Every call is a cost on X: each one is kept as a raw page.
 */
export function createXConnector(options: XConnectorOptions): PlatformConnector {
  const http = new JsonClient({
    baseUrl: options.baseUrl,
    timeoutMs: options.timeoutMs ?? 15_000,
    ...(options.onResponse ? { onResponse: options.onResponse } : {}),
    userAgent: options.userAgent ?? defaultUserAgent,
    headers: { Authorization: `Bearer ${options.bearerToken}` },
    classifyError,
  });
  const withToken = (path: string, param: string, token: string) => (token ? `${path}&${param}=${encodeURIComponent(token)}` : path);
  const timeline = (userId: string, since: string | null, limit: number) =>
    `/2/users/${encodeURIComponent(userId)}/tweets?max_results=${limit}&${tweetFields}&${expansions}${since ? `&since_id=${encodeURIComponent(since)}` : ''}`;

  async function tweetPages(first: string, tokenParam: string, maxPages: number, pages: RawPage[], keepGoing: (found: readonly NormalisedPost[]) => boolean = () => true) {
    const found: NormalisedPost[] = [];
    let exhausted = true;
    const fetch = (token: string) => http.get(withToken(first, tokenParam, token), tweetListResponse, pages);
    for await (const page of followPages('', fetch, (p) => (keepGoing(found) ? p.data.meta.next_token : undefined), maxPages)) {
      found.push(...(page.data.data ?? []).map((tweet) => normaliseTweet(tweet, page.data.includes)));
      exhausted = page.data.meta.next_token === undefined;
    }
    return { found, exhausted };
  }

  async function allUsers(path: string, pages: RawPage[]): Promise<XUser[]> {
    const users: XUser[] = [];
    const fetch = (token: string) => http.get(withToken(`${path}?max_results=100`, 'pagination_token', token), userListResponse, pages);
    for await (const page of followPages('', fetch, (p) => p.data.meta.next_token, maxEngagementPages)) users.push(...(page.data.data ?? []));
    return users;
  }

  return {
    platform: 'x',
    host: http.host,

    async lookupAccount(handle) {
      const username = handle.replace(/^@/, '');
      const { data } = await http.get(`/2/users/by/username/${encodeURIComponent(username)}?user.fields=protected`, userResponse, []);
      return toAccountRef(data.data);
    },

    async fetchPostsSince(userId, sinceId, { maxPages = defaultMaxPages } = {}): Promise<PostPage> {
      const pages: RawPage[] = [];
      const { found, exhausted } = await tweetPages(timeline(userId, sinceId, timelinePageSize), 'pagination_token', maxPages, pages);
      const byId = new Map(found.map((post) => [post.platformPostId, post]));
      const posts = [...byId.values()].sort((a, b) => compareIds(a.platformPostId, b.platformPostId));
      // The raw ids, not the stable ones: since_id is about tweet ids, and an edit's id is newer.
      const newest = found.map((post) => (post.raw as { id: string }).id).sort(compareIds).at(-1) ?? null;
      return { posts, newestId: newest, complete: sinceId === null || exhausted, pages };
    },

    async fetchRecentPosts(userId, { limit = 20 } = {}) {
      const pages: RawPage[] = [];
      const size = Math.min(Math.max(limit, 5), timelinePageSize);
      const { found } = await tweetPages(timeline(userId, null, size), 'pagination_token', Math.ceil(limit / size) + 1, pages, (so) => so.length < limit);
      return { posts: found.slice(0, limit), pages };
    },

    async fetchPost(tweetId) {
      const pages: RawPage[] = [];
      const { data } = await http.get(`/2/tweets/${encodeURIComponent(tweetId)}?${tweetFields}&${expansions}`, tweetResponse, pages);
      return { posts: [normaliseTweet(data.data, data.includes)], pages };
    },

    async postIdFromReference(reference) {
      // https://x.com/user/status/123 (or twitter.com), or 123.
      const id = /^(?:https?:\/\/(?:www\.)?(?:x|twitter)\.com\/[^/]+\/status\/)?(\d+)(?:[/?].*)?$/.exec(reference.trim())?.[1];
      if (!id) throw new PlatformError('MALFORMED', `not an X post URL or id: ${reference}`);
      return id;
    },

    async fetchEngagements(tweetId) {
      const pages: RawPage[] = [];
      const conversation = `/2/tweets/search/recent?query=${encodeURIComponent(`conversation_id:${tweetId}`)}&max_results=100&${tweetFields}&${expansions}`;
      const [likers, retweeters, thread] = await Promise.all([
        allUsers(`/2/tweets/${encodeURIComponent(tweetId)}/liking_users`, pages),
        allUsers(`/2/tweets/${encodeURIComponent(tweetId)}/retweeted_by`, pages),
        tweetPages(conversation, 'next_token', maxEngagementPages, pages),
      ]);
      const actorObservation = (kind: 'like' | 'share') => (user: XUser): EngagementObservation => ({
        kind,
        actor: toAccountRef(user),
        targetPlatformPostId: tweetId,
        comment: null,
        raw: user,
      });
      // Only direct replies: a reply to a reply engages with that reply, not with this post.
      const replies = thread.found.filter((post) => post.inReplyToPlatformId === tweetId);
      const observations = [
        ...likers.map(actorObservation('like')),
        ...retweeters.map(actorObservation('share')),
        ...replies.map((comment): EngagementObservation => ({ kind: 'comment', actor: comment.author, targetPlatformPostId: tweetId, comment, raw: comment.raw })),
      ];
      return { observations, pages };
    },
  };
}
