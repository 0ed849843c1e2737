import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import type { Queue } from 'bullmq';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { resolveSession, type SessionDeps } from '../auth/request-session.js';
import { CSP_HEADER, strictCsp } from '../security-headers.js';

export const QUEUE_DASHBOARD_PATH = '/admin/queues';

// bull-board's page carries inline style attributes and a style block, and resolves its script
// and API paths against a <base href="/admin/queues/">: base-uri 'self' (with 'none' the page
// never loaded). Scripts stay 'self' only.
const dashboardCsp = strictCsp({ 'style-src': "'self' 'unsafe-inline'", 'img-src': "'self' data:", 'base-uri': "'self'" });
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * bull-board at /admin/queues, for admins only: queue depths, failed jobs with their reasons,
 * retry and clean. Sessions are the review app's own; a state-changing request must also come
 * from this origin (bull-board cannot send our CSRF header; SameSite=Strict is the first line).
 */
export function queueDashboard(deps: SessionDeps & { queues: readonly Queue[] }): FastifyPluginAsync {
  return async (app) => {
    const serverAdapter = new FastifyAdapter();
    serverAdapter.setBasePath(QUEUE_DASHBOARD_PATH);
    createBullBoard({
      queues: deps.queues.map((queue) => new BullMQAdapter(queue as never)),
      serverAdapter,
      options: { uiConfig: { boardTitle: 'Netra queues' } },
    });

    app.addHook('onRequest', async (request, reply) => {
      reply.header(CSP_HEADER, dashboardCsp);
      const session = await resolveSession(deps, request);
      if (!session) return refuse(request, reply, 401, 'NETRA_UNAUTHENTICATED', 'sign in first');
      if (session.viewer.role !== 'admin') return refuse(request, reply, 403, 'NETRA_FORBIDDEN', 'the queue dashboard is for admins');
      if (!SAFE_METHODS.has(request.method) && !sameOrigin(request)) {
        return refuse(request, reply, 403, 'NETRA_CSRF', 'cross-origin request refused');
      }
    });
    await app.register(serverAdapter.registerPlugin(), { prefix: QUEUE_DASHBOARD_PATH });
  };
}

/** Pages send you to sign in; the dashboard's API calls get the error as JSON. */
function refuse(request: FastifyRequest, reply: FastifyReply, status: number, code: string, message: string) {
  if (status === 401 && request.method === 'GET' && !request.url.startsWith(`${QUEUE_DASHBOARD_PATH}/api/`)) return reply.redirect('/', 303);
  return reply.code(status).send({ code, message });
}

function sameOrigin(request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  if (!origin) return false;
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}
