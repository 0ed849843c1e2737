import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { World } from '../world/world.js';
import type { SimStatus } from '../world/types.js';
import { recordNotFound } from './not-found.js';
import { paginationLinks, parsePageParams, selectPage, type Query } from './paging.js';
import { serializeAccount, serializeStatus } from './serialize.js';
import { ancestorsOf, descendantsOf } from './thread.js';

type IdRequest = FastifyRequest<{ Params: { id: string }; Querystring: Query }>;

const statusLimits = { defaultLimit: 20, maxLimit: 40 };
const accountListLimits = { defaultLimit: 40, maxLimit: 80 };
const truthy = (value: string | undefined) => value === 'true' || value === '1';

/** The absolute URL of this request's path, for Link headers a client can follow as they are. */
function pageUrl(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}${request.url.split('?')[0]}`;
}

/** Query parameters Mastodon repeats in its Link headers (pagination_params). */
function keptParams(query: Query, names: readonly string[]): Query {
  return Object.fromEntries(names.filter((name) => query[name] !== undefined).map((name) => [name, query[name]]));
}

/** The Mastodon REST API subset Netra reads, unauthenticated, as a public client would. */
export function registerMastodonRoutes(app: FastifyInstance, world: World): void {
  const visibleStatus = (id: string): SimStatus | undefined => {
    const status = world.status(id);
    return status && !world.account(status.accountId)?.suspended ? status : undefined;
  };

  app.get('/api/v1/accounts/lookup', async (request: FastifyRequest<{ Querystring: Query }>, reply) => {
    const account = world.findAccount(request.query.acct ?? '');
    return account ? serializeAccount(world, account) : recordNotFound(reply);
  });

  app.get('/api/v1/accounts/:id', async (request: IdRequest, reply) => {
    const account = world.account(request.params.id);
    return account ? serializeAccount(world, account) : recordNotFound(reply);
  });

  app.get('/api/v1/accounts/:id/statuses', async (request: IdRequest, reply) => {
    const account = world.account(request.params.id);
    if (!account) return recordNotFound(reply);
    const query = request.query;
    const params = parsePageParams(query, statusLimits);
    const candidates = account.suspended
      ? []
      : world.statusesBy(account.id).filter(
          (status) =>
            // Mastodon keeps self-replies (threads) when excluding replies.
            !(truthy(query.exclude_replies) && status.inReplyToId && world.status(status.inReplyToId)?.accountId !== account.id) &&
            !(truthy(query.exclude_reblogs) && status.reblogOfId),
        );
    const page = selectPage(candidates, params, (status) => status.id);
    const link = paginationLinks(pageUrl(request), keptParams(query, ['limit', 'exclude_replies', 'exclude_reblogs']), page, params.limit, (s) => s.id);
    if (link) reply.header('link', link);
    return page.map((status) => serializeStatus(world, status));
  });

  app.get('/api/v1/statuses/:id', async (request: IdRequest, reply) => {
    const status = visibleStatus(request.params.id);
    return status ? serializeStatus(world, status) : recordNotFound(reply);
  });

  app.get('/api/v1/statuses/:id/context', async (request: IdRequest, reply) => {
    const status = visibleStatus(request.params.id);
    if (!status) return recordNotFound(reply);
    const visible = (s: SimStatus) => !world.account(s.accountId)?.suspended;
    return {
      ancestors: ancestorsOf(world, status).filter(visible).map((s) => serializeStatus(world, s)),
      descendants: descendantsOf(world, status).filter(visible).map((s) => serializeStatus(world, s)),
    };
  });

  // Both lists are paged by the favourite's / the reblog's own id, not the account's, as on Mastodon.
  const engagedAccounts = (path: string, list: (statusId: string) => readonly { id: string; accountId: string }[]) =>
    app.get(path, async (request: IdRequest, reply) => {
      const status = visibleStatus(request.params.id);
      if (!status) return recordNotFound(reply);
      const params = parsePageParams(request.query, accountListLimits);
      const active = list(status.id).filter((entry) => !world.account(entry.accountId)?.suspended);
      const page = selectPage(active, params, (entry) => entry.id);
      const link = paginationLinks(pageUrl(request), keptParams(request.query, ['limit']), page, params.limit, (entry) => entry.id);
      if (link) reply.header('link', link);
      return page.map((entry) => serializeAccount(world, world.account(entry.accountId)!));
    });
  engagedAccounts('/api/v1/statuses/:id/favourited_by', (id) => world.favouritesOf(id));
  engagedAccounts('/api/v1/statuses/:id/reblogged_by', (id) => world.reblogsOf(id));
}
