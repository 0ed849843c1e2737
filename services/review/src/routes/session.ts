import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { sessionOf, type RequestSession } from '../auth/request-session.js';
import { closeSession, csrfTokenFor, openSession } from '../auth/sessions.js';
import { clientKey } from '../auth/client-key.js';
import { authenticate } from '../auth/users.js';
import type { ReviewContext } from '../context.js';
import { httpError } from '../errors.js';

const signInSchema = z.object({ email: z.string().min(1).max(320), password: z.string().min(1).max(1024), code: z.string().max(64).optional() });

/** Sign in, sign out, and who am I (with the CSRF token the client must echo). */
export function sessionRoutes(ctx: ReviewContext): FastifyPluginAsync {
  return async (app) => {
    app.post('/session', { config: { public: true } }, async (request, reply) => {
      const signedIn = await authenticate(ctx, signInSchema.parse(request.body), clientKey(request.ip));
      if (!signedIn) throw httpError('badCredentials');
      const { token, expiresAt } = await openSession(ctx.db, signedIn.viewer.userId);
      ctx.cookie.set(reply, token, expiresAt);
      return describeSession({ token, ...signedIn });
    });

    app.delete('/session', async (request, reply) => {
      await closeSession(ctx.db, sessionOf(request).token);
      ctx.cookie.clear(reply);
      return reply.code(204).send();
    });

    app.get('/me', async (request) => describeSession(sessionOf(request)));
  };
}

function describeSession({ token, viewer, mustEnrol }: RequestSession) {
  return {
    user: {
      id: viewer.userId,
      email: viewer.email,
      display_name: viewer.displayName,
      role: viewer.role,
      agency_id: viewer.agencyId,
    },
    csrf_token: csrfTokenFor(token),
    // Until true becomes false, this session can only enrol a second factor (see /totp).
    second_factor_enrolment_required: mustEnrol,
  };
}
