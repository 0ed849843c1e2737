import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { AgencySettingsRepository } from '@netra/db';
import { requirePermission } from '../auth/permissions.js';
import { sessionOf } from '../auth/request-session.js';
import type { ReviewContext } from '../context.js';
import { httpError } from '../errors.js';
import { addUser, agencyChangeSchema, changeAgency, changeUser, listUsers, newUserSchema, userChangeSchema } from '../admin/management.js';

type IdRequest = FastifyRequest<{ Params: { id: string } }>;

/** Users, agencies' case settings and the status rebuild; admins only. */
export function adminRoutes(ctx: ReviewContext): FastifyPluginAsync {
  return async (app) => {
    app.addHook('preHandler', async (request) => {
      requirePermission(sessionOf(request).viewer, 'administer', 'administer Netra');
    });

    app.get('/admin/users', async () => ({ users: await listUsers(ctx.db) }));

    app.post('/admin/users', async (request, reply) => {
      const created = await addUser(ctx.db, newUserSchema.parse(request.body));
      return reply.code(201).send(created);
    });

    app.patch('/admin/users/:id', async (request: IdRequest) => {
      const id = numericId(request, 'user');
      if (!(await changeUser(ctx.db, ctx.throttle, id, userChangeSchema.parse(request.body)))) throw notFound('user', request);
      return { id };
    });

    app.get('/admin/agencies', async () => ({ agencies: await new AgencySettingsRepository(ctx.db).list() }));

    app.patch('/admin/agencies/:id', async (request: IdRequest) => {
      const id = numericId(request, 'agency');
      if (!(await changeAgency(ctx.db, id, agencyChangeSchema(ctx.outbound).parse(request.body)))) throw notFound('agency', request);
      return { id };
    });

    /** Recomputes every item's status from its event log (the log is the truth). */
    app.post('/admin/rebuild-status', async () => ctx.reviewItems.rebuildProjections());
  };
}

function numericId(request: IdRequest, what: 'user' | 'agency'): number {
  if (!/^[1-9][0-9]{0,8}$/.test(request.params.id)) throw notFound(what, request);
  return Number(request.params.id);
}

const notFound = (what: 'user' | 'agency', request: IdRequest) => httpError(what === 'user' ? 'userNotFound' : 'agencyNotFound', { id: request.params.id.slice(0, 20) });
