import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { World } from '../../world/world.js';
import type { SimStatus } from '../../world/types.js';
import { selectPage, type Query } from '../paging.js';
import { findActor, findByUri } from './identity.js';
import { feedViewPost, postView, profileView, profileViewDetailed, threadView } from './serialize.js';

type XrpcRequest = FastifyRequest<{ Querystring: Query }>;

/** XRPC's error body: a 400 with an error name is how the AppView says "no such thing". */
const xrpcError = (reply: FastifyReply, error: string, message: string, status = 400) => reply.code(status).send({ error, message });

function pageLimit(query: Query, max: number, fallback: number): number {
  const asked = Number.parseInt(query.limit ?? '', 10);
  return Number.isFinite(asked) && asked > 0 ? Math.min(asked, max) : fallback;
}

/** Cursor paging over a newest-first list: the cursor is the last item's key; a full page has one. */
function cursorPage<T>(newestFirst: readonly T[], query: Query, keyOf: (item: T) => string, max: number, fallback: number) {
  const limit = pageLimit(query, max, fallback);
  const cursor = query.cursor !== undefined && /^\d+$/.test(query.cursor) ? query.cursor : undefined;
  const page = selectPage(newestFirst, { limit, maxId: cursor }, keyOf);
  const last = page[page.length - 1];
  return { page, cursor: page.length === limit && last !== undefined ? keyOf(last) : undefined };
}

/**
 * The read-only part of Bluesky's public AppView (public.api.bsky.app/xrpc) Netra uses, serving
 * the same world as the Mastodon face: getProfile, getAuthorFeed, getLikes, getRepostedBy,
 * getPostThread, getPosts.
 */
export function registerBlueskyRoutes(app: FastifyInstance, world: World): void {
  const visible = (status: SimStatus | undefined) => (status && !world.account(status.accountId)?.suspended ? status : undefined);
  const actorOr400 = (request: XrpcRequest, reply: FastifyReply) => {
    const account = findActor(world, request.query.actor ?? '');
    if (!account) return { error: xrpcError(reply, 'InvalidRequest', 'Profile not found') };
    if (account.suspended) return { error: xrpcError(reply, 'AccountTakedown', 'Account has been suspended') };
    return { account };
  };
  const postOr400 = (request: XrpcRequest, reply: FastifyReply) => {
    const uri = request.query.uri ?? '';
    const status = visible(findByUri(world, uri));
    return status && !status.reblogOfId ? { status } : { error: xrpcError(reply, 'NotFound', `Post not found: ${uri}`) };
  };

  app.get('/xrpc/app.bsky.actor.getProfile', async (request: XrpcRequest, reply) => {
    const found = actorOr400(request, reply);
    return found.account ? profileViewDetailed(world, found.account) : found.error;
  });

  app.get('/xrpc/app.bsky.feed.getAuthorFeed', async (request: XrpcRequest, reply) => {
    const found = actorOr400(request, reply);
    if (!found.account) return found.error;
    const filter = request.query.filter ?? 'posts_with_replies';
    const statuses = world.statusesBy(found.account.id).filter((s) => filter !== 'posts_no_replies' || !s.inReplyToId);
    const { page, cursor } = cursorPage(statuses, request.query, (s) => s.id, 100, 50);
    return { feed: page.map((status) => feedViewPost(world, status)).filter(Boolean), ...(cursor ? { cursor } : {}) };
  });

  app.get('/xrpc/app.bsky.feed.getLikes', async (request: XrpcRequest, reply) => {
    const found = postOr400(request, reply);
    if (!found.status) return found.error;
    const likes = world.favouritesOf(found.status.id).filter((f) => !world.account(f.accountId)?.suspended);
    const { page, cursor } = cursorPage(likes, request.query, (f) => f.id, 100, 50);
    return {
      uri: request.query.uri,
      likes: page.map((f) => ({ indexedAt: f.createdAt.toISOString(), createdAt: f.createdAt.toISOString(), actor: profileView(world, world.account(f.accountId)!) })),
      ...(cursor ? { cursor } : {}),
    };
  });

  app.get('/xrpc/app.bsky.feed.getRepostedBy', async (request: XrpcRequest, reply) => {
    const found = postOr400(request, reply);
    if (!found.status) return found.error;
    const reposts = world.reblogsOf(found.status.id).filter((s) => !world.account(s.accountId)?.suspended);
    const { page, cursor } = cursorPage(reposts, request.query, (s) => s.id, 100, 50);
    return { uri: request.query.uri, repostedBy: page.map((s) => profileView(world, world.account(s.accountId)!)), ...(cursor ? { cursor } : {}) };
  });

  app.get('/xrpc/app.bsky.feed.getPostThread', async (request: XrpcRequest, reply) => {
    const found = postOr400(request, reply);
    if (!found.status) return found.error;
    const depth = Math.min(Math.max(Number.parseInt(request.query.depth ?? '6', 10) || 0, 0), 1000);
    return { thread: threadView(world, found.status, depth) };
  });

  app.get('/xrpc/app.bsky.feed.getPosts', async (request: FastifyRequest<{ Querystring: { uris?: string | string[] } }>) => {
    const uris = [request.query.uris ?? []].flat().slice(0, 25);
    return { posts: uris.flatMap((uri) => {
      const status = visible(findByUri(world, uri));
      return status && !status.reblogOfId ? [postView(world, status)] : [];
    }) };
  });
}
