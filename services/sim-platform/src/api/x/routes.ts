import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { World } from '../../world/world.js';
import type { SimAccount, SimStatus } from '../../world/types.js';
import { compareIds } from '../../world/snowflake.js';
import { selectPage, type Query } from '../paging.js';
import { xIncludes, xTweet, xUser } from './serialize.js';

type XRequest = FastifyRequest<{ Params: { id: string; username: string }; Querystring: Query }>;

const problem = {
  notFound: 'https://api.twitter.com/2/problems/resource-not-found',
  notAuthorized: 'https://api.twitter.com/2/problems/not-authorized-for-resource',
};

/** X answers a missing or hidden resource with 200 and an `errors` array, not a 404. */
const errors = (entries: { title: string; detail: string; type: string; value?: string }[]) => ({ errors: entries });

function maxResults(query: Query, min: number, max: number, fallback: number): number {
  const asked = Number.parseInt(query.max_results ?? '', 10);
  return Number.isFinite(asked) ? Math.min(Math.max(asked, min), max) : fallback;
}

const encodeToken = (id: string) => Buffer.from(`n:${id}`).toString('base64url');
const decodeToken = (token: string | undefined) => {
  if (!token) return undefined;
  const decoded = Buffer.from(token, 'base64url').toString();
  return /^n:\d+$/.test(decoded) ? decoded.slice(2) : undefined;
};

/** A page of a newest-first list with X's meta (result_count, newest/oldest, next_token). */
function tokenPage<T>(newestFirst: readonly T[], query: Query, keyOf: (item: T) => string, limit: number, tokenParam: string) {
  const lowerBound = query.since_id && /^\d+$/.test(query.since_id) ? query.since_id : undefined;
  const inRange = lowerBound ? newestFirst.filter((item) => compareIds(keyOf(item), lowerBound) > 0) : newestFirst;
  const page = selectPage(inRange, { limit, maxId: decodeToken(query[tokenParam]) }, keyOf);
  const first = page[0];
  const last = page[page.length - 1];
  const more = last !== undefined && inRange.some((item) => compareIds(keyOf(item), keyOf(last)) < 0);
  return {
    page,
    meta: {
      result_count: page.length,
      ...(first && last ? { newest_id: keyOf(first), oldest_id: keyOf(last) } : {}),
      ...(more && last ? { next_token: encodeToken(keyOf(last)) } : {}),
    },
  };
}

/**
 * X API v2's read endpoints Netra uses (app-only bearer auth): user by username, user tweets,
 * liking_users, retweeted_by, recent search by conversation_id, and a single tweet.
 */
export function registerXRoutes(app: FastifyInstance, world: World): void {
  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/2/')) return;
    if (!/^Bearer \S+$/.test(request.headers.authorization ?? '')) {
      return reply.code(401).send({ title: 'Unauthorized', type: 'about:blank', status: 401, detail: 'Unauthorized' });
    }
  });

  const userProblem = (account: SimAccount | undefined, value: string) => {
    if (!account) return errors([{ value, title: 'Not Found Error', detail: `Could not find user with id: [${value}].`, type: problem.notFound }]);
    if (account.suspended) return errors([{ value, title: 'Forbidden', detail: `User has been suspended: [${value}].`, type: problem.notFound }]);
    return undefined;
  };
  const visibleTweet = (id: string): SimStatus | undefined => {
    const status = world.status(id);
    const author = status && world.account(status.accountId);
    return status && author && !author.suspended && !author.protectedPosts ? status : undefined;
  };
  const tweetNotFound = (id: string) => errors([{ value: id, title: 'Not Found Error', detail: `Could not find tweet with id: [${id}].`, type: problem.notFound }]);

  app.get('/2/users/by/username/:username', async (request: XRequest) => {
    const account = world.findAccount(request.params.username);
    return userProblem(account, request.params.username) ?? { data: xUser(account!) };
  });

  app.get('/2/users/:id/tweets', async (request: XRequest) => {
    const account = world.account(request.params.id);
    const bad = userProblem(account, request.params.id);
    if (bad) return bad;
    if (account!.protectedPosts) {
      return errors([{ value: account!.id, title: 'Authorization Error', detail: `Sorry, you are not authorized to see the user with id: [${account!.id}].`, type: problem.notAuthorized }]);
    }
    const limit = maxResults(request.query, 5, 100, 10);
    const { page, meta } = tokenPage(world.statusesBy(account!.id), request.query, (s) => s.id, limit, 'pagination_token');
    return page.length ? { data: page.map((s) => xTweet(world, s)), includes: xIncludes(world, page), meta } : { meta };
  });

  app.get('/2/tweets/:id', async (request: XRequest) => {
    const status = visibleTweet(request.params.id);
    return status ? { data: xTweet(world, status), includes: xIncludes(world, [status]) } : tweetNotFound(request.params.id);
  });

  const engagedUsers = (path: string, list: (statusId: string) => readonly { id: string; accountId: string }[]) =>
    app.get(path, async (request: XRequest) => {
      const status = visibleTweet(request.params.id);
      if (!status) return tweetNotFound(request.params.id);
      const entries = list(status.id).filter((entry) => !world.account(entry.accountId)?.suspended);
      const { page, meta } = tokenPage(entries, request.query, (entry) => entry.id, maxResults(request.query, 1, 100, 100), 'pagination_token');
      return page.length ? { data: page.map((entry) => xUser(world.account(entry.accountId)!)), meta } : { meta };
    });
  engagedUsers('/2/tweets/:id/liking_users', (id) => world.favouritesOf(id));
  engagedUsers('/2/tweets/:id/retweeted_by', (id) => world.reblogsOf(id));

  // Only `conversation_id:ID` queries: the sim is no search engine.
  app.get('/2/tweets/search/recent', async (request: FastifyRequest<{ Querystring: Query }>, reply: FastifyReply) => {
    const match = /^conversation_id:(\d+)$/.exec(request.query.query?.trim() ?? '');
    if (!match) return reply.code(400).send({ title: 'Invalid Request', detail: 'One or more parameters to your request was invalid.', type: 'https://api.twitter.com/2/problems/invalid-request' });
    const root = world.status(match[1]!);
    const thread: SimStatus[] = [];
    const visit = (id: string) => {
      for (const reply of world.repliesTo(id)) {
        if (visibleTweet(reply.id)) thread.push(reply);
        visit(reply.id);
      }
    };
    if (root) visit(root.id);
    thread.sort((a, b) => compareIds(b.id, a.id));
    const { page, meta } = tokenPage(thread, request.query, (s) => s.id, maxResults(request.query, 10, 100, 10), 'next_token');
    return page.length ? { data: page.map((s) => xTweet(world, s)), includes: xIncludes(world, page), meta } : { meta };
  });
}
