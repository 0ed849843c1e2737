import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { sessionOf } from '../auth/request-session.js';
import type { ReviewContext } from '../context.js';
import { httpError } from '../errors.js';
import { retryForwarding } from '../review/actions.js';

/** A failed delivery, back into the outbox at a person's request (scoped like its item). */
export function forwardingRoutes(ctx: ReviewContext): FastifyPluginAsync {
  return async (app) => {
    app.post('/forwardings/:id/retry', async (request: FastifyRequest<{ Params: { id: string } }>) => {
      const { id } = request.params;
      if (!/^[1-9][0-9]{0,17}$/.test(id)) throw httpError('forwardingNotFound', { id: id.slice(0, 20) });
      return retryForwarding(ctx, sessionOf(request).viewer, id);
    });
  };
}
