import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { sessionOf } from '../auth/request-session.js';
import type { ReviewContext } from '../context.js';
import { itemNotFound } from '../errors.js';
import { claimItem, decideItem } from '../review/actions.js';
import { decisionSchema } from '../review/decision.js';
import { loadItemDetail } from '../review/detail.js';
import { listQueue, queueFilterSchema } from '../review/queue.js';
import { isItemId, itemScopeOf } from '../review/scope.js';

type ItemRequest = FastifyRequest<{ Params: { id: string } }>;

/** The queue, an item's full evidence, claims and decisions; all scoped to the caller (invariant 4). */
export function reviewItemRoutes(ctx: ReviewContext): FastifyPluginAsync {
  return async (app) => {
    // Roles without access are refused before anything is read; the queries below are scoped anyway.
    app.addHook('preHandler', async (request) => {
      itemScopeOf(sessionOf(request).viewer);
    });

    app.get('/review-items', async (request) => {
      const scope = itemScopeOf(sessionOf(request).viewer);
      return listQueue(ctx.db, scope, queueFilterSchema.parse(request.query));
    });

    app.get('/review-items/:id', async (request: ItemRequest) => {
      const scope = itemScopeOf(sessionOf(request).viewer);
      const detail = await loadItemDetail(ctx.db, scope, itemIdOf(request));
      if (!detail) throw itemNotFound(request.params.id);
      return detail;
    });

    app.post('/review-items/:id/claim', async (request: ItemRequest) =>
      claimItem(ctx, sessionOf(request).viewer, itemIdOf(request)),
    );

    app.post('/review-items/:id/decision', async (request: ItemRequest) => {
      const viewer = sessionOf(request).viewer;
      const itemId = itemIdOf(request);
      return decideItem(ctx, viewer, itemId, decisionSchema.parse(request.body));
    });
  };
}

function itemIdOf(request: ItemRequest): string {
  if (!isItemId(request.params.id)) throw itemNotFound(request.params.id);
  return request.params.id;
}
