import { compareIds } from './ids.js';
import { PlatformError } from '../errors.js';
import { JsonClient, type JsonResponse } from '../http/json-client.js';
import type { EngagementObservation, NormalisedPost, PlatformConnector, PostPage } from '../types.js';
import { normaliseStatus, toAccountRef } from './normalise.js';
import { mastodonAccount, mastodonAccountList, mastodonContext, mastodonStatusList, type MastodonAccount } from './schemas.js';

export interface MastodonConnectorOptions {
  /** The instance the accounts live on, e.g. https://mastodon.social. */
  baseUrl: string;
  timeoutMs?: number;
  userAgent?: string;
}

/** Mastodon's largest pages: 40 statuses, 80 accounts. */
const statusPageSize = 40;
const accountPageSize = 80;
/** A guard against a server whose Link headers never end; far above any real list. */
const maxEngagementPages = 500;
const defaultMaxPages = 10;

/**
 * Reads one Mastodon instance's public API, unauthenticated. Paging always follows the Link
 * header the server sends; ids are compared (as BigInt), never computed with.
 */
export function createMastodonConnector(options: MastodonConnectorOptions): PlatformConnector {
  const http = new JsonClient({
    baseUrl: options.baseUrl,
    timeoutMs: options.timeoutMs ?? 15_000,
    userAgent: options.userAgent ?? 'Netra/0.1 (ASN neutrality monitoring; public data only)',
  });
  const statusesPath = (accountId: string) => `/api/v1/accounts/${encodeURIComponent(accountId)}/statuses`;

  /** Follows one Link relation from `firstUrl` while `keepGoing` says so, up to `maxPages` pages. */
  async function* pages<T>(
    firstUrl: string,
    rel: 'next' | 'prev',
    fetchPage: (url: string) => Promise<JsonResponse<T[]>>,
    maxPages: number,
  ): AsyncGenerator<JsonResponse<T[]>> {
    const seen = new Set<string>();
    let url: string | undefined = firstUrl;
    for (let page = 0; url && page < maxPages; page++) {
      if (seen.has(url)) throw new PlatformError('MALFORMED', `Link rel="${rel}" loops back to ${url}`, { url });
      seen.add(url);
      const response: JsonResponse<T[]> = await fetchPage(url);
      yield response;
      if (response.data.length === 0) return;
      url = response.links[rel];
    }
  }

  const fetchStatuses = (url: string) => http.get(url, mastodonStatusList);
  const fetchAccounts = (url: string) => http.get(url, mastodonAccountList);

  async function allAccounts(path: string): Promise<MastodonAccount[]> {
    const accounts: MastodonAccount[] = [];
    for await (const page of pages(`${path}?limit=${accountPageSize}`, 'next', fetchAccounts, maxEngagementPages)) accounts.push(...page.data);
    return accounts;
  }

  return {
    platform: 'mastodon',

    async lookupAccount(handle) {
      const { data, url } = await http.get(`/api/v1/accounts/lookup?acct=${encodeURIComponent(handle)}`, mastodonAccount);
      if (data.suspended) throw new PlatformError('SUSPENDED', `account ${handle} is suspended`, { url });
      return toAccountRef(data);
    },

    async fetchPostsSince(platformAccountId, sinceId, { maxPages = defaultMaxPages } = {}): Promise<PostPage> {
      const collected = new Map<string, NormalisedPost>();
      if (sinceId === null) {
        // First poll: the newest posts, walking back in time (rel="next") as far as maxPages allows.
        const first = `${statusesPath(platformAccountId)}?limit=${statusPageSize}`;
        for await (const page of pages(first, 'next', fetchStatuses, maxPages)) {
          for (const status of page.data) collected.set(status.id, normaliseStatus(status));
        }
      } else {
        // Later polls walk forward from the cursor (min_id, then rel="prev"), oldest chunk first,
        // so stopping at maxPages leaves no gap: the next poll continues from the newest seen.
        const first = `${statusesPath(platformAccountId)}?limit=${statusPageSize}&min_id=${encodeURIComponent(sinceId)}`;
        for await (const page of pages(first, 'prev', fetchStatuses, maxPages)) {
          for (const status of page.data) {
            if (compareIds(status.id, sinceId) > 0) collected.set(status.id, normaliseStatus(status));
          }
          // A short page means nothing newer existed when it was served.
          if (page.data.length < statusPageSize) break;
        }
      }
      const posts = [...collected.values()].sort((a, b) => compareIds(a.platformPostId, b.platformPostId));
      return { posts, newestId: posts.at(-1)?.platformPostId ?? null };
    },

    async fetchRecentPosts(platformAccountId, { limit = 20 } = {}) {
      const posts: NormalisedPost[] = [];
      const first = `${statusesPath(platformAccountId)}?limit=${Math.min(limit, statusPageSize)}`;
      for await (const page of pages(first, 'next', fetchStatuses, Math.ceil(limit / statusPageSize) + 1)) {
        posts.push(...page.data.map(normaliseStatus));
        if (posts.length >= limit) break;
      }
      return posts.slice(0, limit);
    },

    async fetchEngagements(platformPostId) {
      const statusPath = `/api/v1/statuses/${encodeURIComponent(platformPostId)}`;
      const [likers, sharers, context] = await Promise.all([
        allAccounts(`${statusPath}/favourited_by`),
        allAccounts(`${statusPath}/reblogged_by`),
        http.get(`${statusPath}/context`, mastodonContext),
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
      return [
        ...likers.map(actorObservation('like')),
        ...sharers.map(actorObservation('share')),
        ...replies.map((status): EngagementObservation => {
          const comment = normaliseStatus(status);
          return { kind: 'comment', actor: comment.author, targetPlatformPostId: platformPostId, comment, raw: status };
        }),
      ];
    },
  };
}
