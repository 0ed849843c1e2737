import type { FastifyPluginAsync } from 'fastify';
import { requireApiSession } from '../auth/request-session.js';
import type { ReviewContext } from '../context.js';
import { adminRoutes } from './admin.js';
import { forwardingRoutes } from './forwardings.js';
import { reportRoutes } from './reports.js';
import { reviewItemRoutes } from './review-items.js';
import { secondFactorRoutes } from './second-factor.js';
import { sessionRoutes } from './session.js';

/** Everything under /api: JSON only, and behind the session (and CSRF) gate. */
export function apiRoutes(ctx: ReviewContext): FastifyPluginAsync {
  return async (app) => {
    app.addHook('onRequest', requireApiSession(ctx));
    await app.register(sessionRoutes(ctx));
    await app.register(secondFactorRoutes(ctx));
    await app.register(reviewItemRoutes(ctx));
    await app.register(forwardingRoutes(ctx));
    await app.register(reportRoutes(ctx));
    await app.register(adminRoutes(ctx));
  };
}
