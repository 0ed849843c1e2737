import { PlatformError } from '../errors.js';
import { JsonClient, type ErrorClassifier } from '../http/json-client.js';
import { defaultMaxPages, defaultUserAgent, followPages, maxEngagementPages } from '../shared/paging.js';
import type { EngagementObservation, NormalisedPost, PlatformConnector, PostPage, RawPage } from '../types.js';
import { feedKey, isPinned, normaliseFeedItem, normalisePostView, toAccountRef } from './normalise.js';
import { authorFeed, blueskyProfile, likes, posts, postThread, repostedBy, type BlueskyProfile } from './schemas.js';

export interface BlueskyConnectorOptions {
  /** The public AppView, https://public.api.bsky.app, or a stand-in. */
  baseUrl: string;
  timeoutMs?: number;
  onResponse?: (status: number | undefined) => void;
  userAgent?: string;
}

const feedPageSize = 100;
const listPageSize = 100;

/** XRPC errors come as 400 with a name: some are facts about the account or post. */
const classifyError: ErrorClassifier = ({ url, status, body, page }) => {
  if (status !== 400) return undefined;
  const { error, message } = (body ?? {}) as { error?: unknown; message?: unknown };
  const reason = `GET ${url}: ${String(error)}${typeof message === 'string' ? ` (${message})` : ''}`;
  if (error === 'AccountTakedown') return new PlatformError('SUSPENDED', reason, { url, status, page });
  if (error === 'BlockedActor' || error === 'BlockedByActor') return new PlatformError('PROTECTED', reason, { url, status, page });
  if (error === 'NotFound' || error === 'AccountDeactivated') return new PlatformError('NOT_FOUND', reason, { url, status, page });
  if (error === 'InvalidRequest' && typeof message === 'string' && /not found/i.test(message)) {
    return new PlatformError('NOT_FOUND', reason, { url, status, page });
  }
  return undefined;
};

/**
 * Reads Bluesky's public AppView, unauthenticated. Accounts are keyed by DID (handles change),
 * posts by at:// URI. The author feed has no "since": it is walked back from the newest item
 * to the saved cursor, a (time, uri) key, so a repost is placed by when it was reposted.
 */
export function createBlueskyConnector(options: BlueskyConnectorOptions): PlatformConnector {
  const http = new JsonClient({
    baseUrl: options.baseUrl,
    timeoutMs: options.timeoutMs ?? 15_000,
    ...(options.onResponse ? { onResponse: options.onResponse } : {}),
    userAgent: options.userAgent ?? defaultUserAgent,
    classifyError,
  });
  const xrpc = (method: string, params: Record<string, string | number | undefined>) => {
    const query = new URLSearchParams();
    for (const [name, value] of Object.entries(params)) if (value !== undefined) query.set(name, String(value));
    return `/xrpc/${method}?${query.toString()}`;
  };
  const feedPage = (actor: string, limit: number, pages: RawPage[]) => (cursor: string) =>
    http.get(xrpc('app.bsky.feed.getAuthorFeed', { actor, limit, filter: 'posts_with_replies', cursor: cursor || undefined }), authorFeed, pages);

  /** Every account on a cursor-paged list of the post (likers, reposters); '' is the first page. */
  async function allActors(fetchPage: (cursor: string) => Promise<{ cursor?: string; actors: BlueskyProfile[] }>) {
    const actors: BlueskyProfile[] = [];
    for await (const page of followPages('', fetchPage, (p) => p.cursor, maxEngagementPages)) actors.push(...page.actors);
    return actors;
  }
  const listParams = (uri: string, cursor: string) => ({ uri, limit: listPageSize, cursor: cursor || undefined });

  async function lookupAccount(handle: string) {
    const { data } = await http.get(xrpc('app.bsky.actor.getProfile', { actor: handle.replace(/^@/, '') }), blueskyProfile, []);
    return toAccountRef(data);
  }

  return {
    platform: 'bluesky',
    host: http.host,

    lookupAccount,

    async fetchPostsSince(did, since, { maxPages = defaultMaxPages } = {}): Promise<PostPage> {
      const pages: RawPage[] = [];
      const collected = new Map<string, { key: string; post: NormalisedPost }>();
      let reachedCursor = since === null;
      let endOfFeed = false;
      const fetch = feedPage(did, feedPageSize, pages);
      for await (const page of followPages('', fetch, (p) => p.data.cursor, maxPages)) {
        for (const item of page.data.feed) {
          const key = feedKey(item);
          // A pinned post sits on top whatever its age: it says nothing about where the cursor is.
          if (since !== null && key <= since) {
            if (!isPinned(item)) reachedCursor = true;
            continue;
          }
          const post = normaliseFeedItem(item);
          collected.set(post.platformPostId, { key, post });
        }
        endOfFeed = page.data.cursor === undefined || page.data.feed.length === 0;
        if (reachedCursor && since !== null) break;
      }
      const ordered = [...collected.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
      return {
        posts: ordered.map((entry) => entry.post),
        newestId: ordered.at(-1)?.key ?? null,
        complete: reachedCursor || endOfFeed,
        pages,
      };
    },

    async fetchRecentPosts(did, { limit = 20 } = {}) {
      const pages: RawPage[] = [];
      const found: NormalisedPost[] = [];
      const fetch = feedPage(did, Math.min(limit, feedPageSize), pages);
      for await (const page of followPages('', fetch, (p) => p.data.cursor, Math.ceil(limit / feedPageSize) + 1)) {
        found.push(...page.data.feed.map(normaliseFeedItem));
        if (found.length >= limit) break;
      }
      return { posts: found.slice(0, limit), pages };
    },

    async fetchPost(uri) {
      const pages: RawPage[] = [];
      const { data, url, page } = await http.get(xrpc('app.bsky.feed.getPosts', { uris: uri }), posts, pages);
      const view = data.posts.find((p) => p.uri === uri);
      if (!view) throw new PlatformError('NOT_FOUND', `GET ${url}: post ${uri} is not served`, { url, status: 200, page });
      return { posts: [normalisePostView(view)], pages };
    },

    async postIdFromReference(reference) {
      const trimmed = reference.trim();
      if (/^at:\/\/[^/]+\/app\.bsky\.feed\.post\/[^/]+$/.test(trimmed)) return trimmed;
      // https://bsky.app/profile/HANDLE_OR_DID/post/RKEY: the URI names the author by DID.
      const match = /^https:\/\/bsky\.app\/profile\/([^/]+)\/post\/([^/?#]+)/.exec(trimmed);
      if (!match) throw new PlatformError('MALFORMED', `not a Bluesky post URL or at:// URI: ${reference}`);
      const did = match[1]!.startsWith('did:') ? match[1]! : (await lookupAccount(match[1]!)).platformAccountId;
      return `at://${did}/app.bsky.feed.post/${match[2]}`;
    },

    async fetchEngagements(uri) {
      const pages: RawPage[] = [];
      const [likers, reposters, thread] = await Promise.all([
        allActors(async (cursor) => {
          const { data } = await http.get(xrpc('app.bsky.feed.getLikes', listParams(uri, cursor)), likes, pages);
          return { cursor: data.cursor, actors: data.likes.map((like) => like.actor) };
        }),
        allActors(async (cursor) => {
          const { data } = await http.get(xrpc('app.bsky.feed.getRepostedBy', listParams(uri, cursor)), repostedBy, pages);
          return { cursor: data.cursor, actors: data.repostedBy };
        }),
        http.get(xrpc('app.bsky.feed.getPostThread', { uri, depth: 1, parentHeight: 0 }), postThread, pages),
      ]);
      const actorObservation = (kind: 'like' | 'share') => (actor: BlueskyProfile): EngagementObservation => ({
        kind,
        actor: toAccountRef(actor),
        targetPlatformPostId: uri,
        comment: null,
        raw: actor,
      });
      const replies = (thread.data.thread.replies ?? []).flatMap((entry) => (entry.post && entry.post.record.reply?.parent.uri === uri ? [entry.post] : []));
      const observations = [
        ...likers.map(actorObservation('like')),
        ...reposters.map(actorObservation('share')),
        ...replies.map((view): EngagementObservation => {
          const comment = normalisePostView(view);
          return { kind: 'comment', actor: comment.author, targetPlatformPostId: uri, comment, raw: view };
        }),
      ];
      return { observations, pages };
    },
  };
}
