import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { dismissReasons } from '@netra/core';
import { sessionOf } from '../auth/request-session.js';
import type { ReviewContext } from '../context.js';
import { itemNotFound } from '../errors.js';
import { bulkDismiss, claimItem, decideItem } from '../review/actions.js';
import { decisionSchema } from '../review/decision.js';
import { itemImage } from '../review/media.js';
import { openItem } from '../review/open-item.js';
import { listQueue, parseQueueFilter, summarizeQueue } from '../review/queue.js';
import { isItemId, itemScopeOf } from '../review/scope.js';

type ItemRequest = FastifyRequest<{ Params: { id: string } }>;

const bulkDismissSchema = z
  .strictObject({
    ids: z.array(z.string().regex(/^[1-9][0-9]{0,17}$/)).min(1).max(200),
    reason: z.enum(dismissReasons),
    note: z.string().trim().min(1).max(4000).optional(),
  })
  .refine((d) => d.reason !== 'other' || d.note !== undefined, { message: "a note is required when the reason is 'other'", path: ['note'] });

/** The queue, an item's full evidence, claims and decisions; all scoped to the caller (invariant 4). */
export function reviewItemRoutes(ctx: ReviewContext): FastifyPluginAsync {
  return async (app) => {
    // Roles without access are refused before anything is read; the queries below are scoped anyway.
    app.addHook('preHandler', async (request) => {
      itemScopeOf(sessionOf(request).viewer);
    });

    app.get('/review-items', async (request) => {
      const scope = itemScopeOf(sessionOf(request).viewer);
      const filter = parseQueueFilter(request.query);
      const [page, summary] = await Promise.all([listQueue(ctx.db, scope, filter), summarizeQueue(ctx.db, scope, filter)]);
      return { ...page, ...summary };
    });

    app.get('/review-items/:id', async (request: ItemRequest) => {
      const opened = await openItem(ctx, sessionOf(request).viewer, itemIdOf(request), new Date());
      if (!opened) throw itemNotFound(request.params.id);
      return { ...opened.item, ...opened.workspace };
    });

    // The item's photos: thumbnail for the page, original as kept (the evidence its SHA-256 names).
    app.get('/review-items/:id/media/:sha256', async (request: FastifyRequest<{ Params: { id: string; sha256: string }; Querystring: { size?: string } }>, reply) => {
      const itemId = itemIdOf(request);
      const size = request.query.size === 'thumb' ? 'thumb' : 'original';
      const image = await itemImage(ctx, itemScopeOf(sessionOf(request).viewer), itemId, request.params.sha256, size);
      return reply
        .type(image.contentType)
        .header('content-disposition', `inline; filename="${image.fileName}"`)
        // Personal data: the browser may keep it for this person only, briefly; no shared cache.
        .header('cache-control', 'private, max-age=300')
        .send(image.bytes);
    });

    app.post('/review-items/:id/claim', async (request: ItemRequest) =>
      claimItem(ctx, sessionOf(request).viewer, itemIdOf(request)),
    );

    app.post('/review-items/:id/decision', async (request: ItemRequest) => {
      const viewer = sessionOf(request).viewer;
      const itemId = itemIdOf(request);
      return decideItem(ctx, viewer, itemId, decisionSchema.parse(request.body));
    });

    app.post('/review-items/bulk-dismiss', async (request) =>
      bulkDismiss(ctx, sessionOf(request).viewer, bulkDismissSchema.parse(request.body)),
    );
  };
}

function itemIdOf(request: ItemRequest): string {
  if (!isItemId(request.params.id)) throw itemNotFound(request.params.id);
  return request.params.id;
}
