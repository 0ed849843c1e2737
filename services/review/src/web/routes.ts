import { readFileSync } from 'node:fs';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { resolveSession, type RequestSession } from '../auth/request-session.js';
import { csrfTokenFor } from '../auth/sessions.js';
import type { ReviewContext } from '../context.js';
import { itemNotFound } from '../errors.js';
import { loadItemDetail } from '../review/detail.js';
import { listQueue, queueFilterSchema } from '../review/queue.js';
import { isItemId, itemScopeOf } from '../review/scope.js';
import { itemPage, queuePage, signInPage } from './pages.js';

// Read once at start: two small files do not need a static-file server.
const staticFiles = {
  'app.js': { type: 'text/javascript; charset=utf-8', body: readFileSync(new URL('./static/app.js', import.meta.url)) },
  'app.css': { type: 'text/css; charset=utf-8', body: readFileSync(new URL('./static/app.css', import.meta.url)) },
};

const HTML = 'text/html; charset=utf-8';

/** The sign-in page, the queue and an item's page; pages without a session send you to sign in. */
export function webRoutes(ctx: ReviewContext): FastifyPluginAsync {
  return async (app) => {
    app.get('/static/:file', async (request: FastifyRequest<{ Params: { file: string } }>, reply) => {
      const name = request.params.file;
      if (!Object.hasOwn(staticFiles, name)) return reply.callNotFound();
      const file = staticFiles[name as keyof typeof staticFiles];
      return reply.type(file.type).header('cache-control', 'no-cache').send(file.body);
    });

    app.get('/', async (request, reply) => {
      if (await resolveSession(ctx, request)) return reply.redirect('/queue', 303);
      return reply.type(HTML).send(signInPage());
    });

    app.get('/queue', async (request, reply) => {
      const session = await pageSession(request, reply);
      if (!session) return reply;
      const filter = queueFilterSchema.parse(request.query);
      const { items, next_cursor } = await listQueue(ctx.db, itemScopeOf(session.viewer), filter);
      return reply.type(HTML).send(queuePage(pageContext(session), filter, items, next_cursor));
    });

    app.get('/items/:id', async (request: FastifyRequest<{ Params: { id: string } }>, reply) => {
      const session = await pageSession(request, reply);
      if (!session) return reply;
      const { id } = request.params;
      const detail = isItemId(id) ? await loadItemDetail(ctx.db, itemScopeOf(session.viewer), id) : null;
      if (!detail) throw itemNotFound(id);
      return reply.type(HTML).send(itemPage(pageContext(session), detail));
    });

    /** The session, or a redirect to sign in (then the caller returns the reply). */
    async function pageSession(request: FastifyRequest, reply: FastifyReply): Promise<RequestSession | null> {
      const session = await resolveSession(ctx, request);
      if (!session) reply.redirect('/', 303);
      return session;
    }
  };
}

function pageContext(session: RequestSession) {
  return { viewer: session.viewer, csrfToken: csrfTokenFor(session.token) };
}
