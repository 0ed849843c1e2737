import { compareIds } from './ids.js';
import { PlatformError } from '../errors.js';
import { JsonClient, type JsonResponse } from '../http/json-client.js';
import { defaultMaxPages, defaultUserAgent, followPages, maxEngagementPages } from '../shared/paging.js';
import type { EngagementObservation, NormalisedPost, PlatformConnector, PostPage, RawPage } from '../types.js';
import { normaliseStatus, toAccountRef } from './normalise.js';
import { mastodonAccount, mastodonAccountList, mastodonContext, mastodonStatus, mastodonStatusList, type MastodonAccount } from './schemas.js';

export interface MastodonConnectorOptions {
  /** The instance the accounts live on, e.g. https://mastodon.social. */
  baseUrl: string;
  timeoutMs?: number;
  onResponse?: (status: number | undefined) => void;
  userAgent?: string;
}

/** Mastodon's largest pages: 40 statuses, 80 accounts. */
const statusPageSize = 40;
const accountPageSize = 80;

/**
 * Reads one Mastodon instance's public API, unauthenticated. Paging always follows the Link
 * header the server sends; ids are compared (as BigInt), never computed with. A post's likes
 * are complete only on its home instance, so a watched post is asked of its author's instance.
 */
export function createMastodonConnector(options: MastodonConnectorOptions): PlatformConnector {
  const http = new JsonClient({
    baseUrl: options.baseUrl,
    timeoutMs: options.timeoutMs ?? 15_000,
    ...(options.onResponse ? { onResponse: options.onResponse } : {}),
    userAgent: options.userAgent ?? defaultUserAgent,
  });
  const statusesPath = (accountId: string) => `/api/v1/accounts/${encodeURIComponent(accountId)}/statuses`;
  const statusPath = (statusId: string) => `/api/v1/statuses/${encodeURIComponent(statusId)}`;

  /** Pages of a list along one Link relation; an empty page ends the walk. */
  const walk = <T>(first: string, rel: 'next' | 'prev', fetch: (url: string) => Promise<JsonResponse<T[]>>, maxPages: number) =>
    followPages(first, fetch, (page) => (page.data.length === 0 ? undefined : page.links[rel]), maxPages);

  async function allAccounts(path: string, pages: RawPage[]): Promise<MastodonAccount[]> {
    const accounts: MastodonAccount[] = [];
    const fetch = (url: string) => http.get(url, mastodonAccountList, pages);
    for await (const page of walk(`${path}?limit=${accountPageSize}`, 'next', fetch, maxEngagementPages)) accounts.push(...page.data);
    return accounts;
  }

  return {
    platform: 'mastodon',
    host: http.host,

    async lookupAccount(handle) {
      const { data, url } = await http.get(`/api/v1/accounts/lookup?acct=${encodeURIComponent(handle)}`, mastodonAccount, []);
      if (data.suspended) throw new PlatformError('SUSPENDED', `account ${handle} is suspended`, { url });
      return toAccountRef(data);
    },

    async fetchPostsSince(platformAccountId, sinceId, { maxPages = defaultMaxPages } = {}): Promise<PostPage> {
      const pages: RawPage[] = [];
      const fetch = (url: string) => http.get(url, mastodonStatusList, pages);
      const collected = new Map<string, NormalisedPost>();
      if (sinceId === null) {
        // First poll: the newest posts, walking back in time (rel="next") as far as maxPages allows.
        const first = `${statusesPath(platformAccountId)}?limit=${statusPageSize}`;
        for await (const page of walk(first, 'next', fetch, maxPages)) {
          for (const status of page.data) collected.set(status.id, normaliseStatus(status));
        }
      } else {
        // Later polls walk forward from the cursor (min_id, then rel="prev"), oldest chunk first,
        // so stopping at maxPages leaves no gap: the next poll continues from the newest seen.
        const first = `${statusesPath(platformAccountId)}?limit=${statusPageSize}&min_id=${encodeURIComponent(sinceId)}`;
        for await (const page of walk(first, 'prev', fetch, maxPages)) {
          for (const status of page.data) {
            if (compareIds(status.id, sinceId) > 0) collected.set(status.id, normaliseStatus(status));
          }
          // A short page means nothing newer existed when it was served.
          if (page.data.length < statusPageSize) break;
        }
      }
      const posts = [...collected.values()].sort((a, b) => compareIds(a.platformPostId, b.platformPostId));
      // Walking forward never skips: whatever maxPages left is fetched next time from the new cursor.
      return { posts, newestId: posts.at(-1)?.platformPostId ?? null, complete: true, pages };
    },

    async fetchRecentPosts(platformAccountId, { limit = 20 } = {}) {
      const pages: RawPage[] = [];
      const posts: NormalisedPost[] = [];
      const fetch = (url: string) => http.get(url, mastodonStatusList, pages);
      const first = `${statusesPath(platformAccountId)}?limit=${Math.min(limit, statusPageSize)}`;
      for await (const page of walk(first, 'next', fetch, Math.ceil(limit / statusPageSize) + 1)) {
        posts.push(...page.data.map(normaliseStatus));
        if (posts.length >= limit) break;
      }
      return { posts: posts.slice(0, limit), pages };
    },

    async fetchPost(platformPostId) {
      const pages: RawPage[] = [];
      const { data } = await http.get(statusPath(platformPostId), mastodonStatus, pages);
      return { posts: [normaliseStatus(data)], pages };
    },

    async postIdFromReference(reference) {
      // https://instance/@user/ID, https://instance/users/user/statuses/ID, Pleroma's
      // https://instance/notice/ID, or the ID alone.
      const id = /^(?:https?:\/\/[^/]+\/(?:@[^/]+|users\/[^/]+\/statuses|notice)\/)?([0-9A-Za-z_-]{1,64})\/?$/.exec(reference.trim())?.[1];
      if (!id) throw new PlatformError('MALFORMED', `not a Mastodon status URL or id: ${reference}`);
      return id;
    },

    async fetchEngagements(platformPostId) {
      const pages: RawPage[] = [];
      const path = statusPath(platformPostId);
      const [likers, sharers, context] = await Promise.all([
        allAccounts(`${path}/favourited_by`, pages),
        allAccounts(`${path}/reblogged_by`, pages),
        http.get(`${path}/context`, mastodonContext, pages),
      ]);
      const actorObservation = (kind: 'like' | 'share') => (account: MastodonAccount): EngagementObservation => ({
        kind,
        actor: toAccountRef(account),
        targetPlatformPostId: platformPostId,
        comment: null,
        raw: account,
      });
      // Only direct replies: a reply to a reply engages with that reply, not with this post.
      const replies = context.data.descendants.filter((status) => status.in_reply_to_id === platformPostId);
      const observations = [
        ...likers.map(actorObservation('like')),
        ...sharers.map(actorObservation('share')),
        ...replies.map((status): EngagementObservation => {
          const comment = normaliseStatus(status);
          return { kind: 'comment', actor: comment.author, targetPlatformPostId: platformPostId, comment, raw: status };
        }),
      ];
      return { observations, pages };
    },
  };
}
