import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { AgencySettingsRepository, ForwardingRepository, listUsers, ReviewQueueRepository, SecondFactorRepository } from '@netra/db';
import type { ReviewStatus } from '@netra/core';
import { can, homePageOf, requirePermission } from '../auth/permissions.js';
import { resolveSession, type RequestSession } from '../auth/request-session.js';
import { newTotpSecret, totpUri } from '../auth/second-factor.js';
import { csrfTokenFor } from '../auth/sessions.js';
import type { ReviewContext } from '../context.js';
import { HttpError, itemNotFound } from '../errors.js';
import { loadItemDetail } from '../review/detail.js';
import { openItem, VIEWING_WINDOW_SECONDS } from '../review/open-item.js';
import { listQueue, parseQueueFilter, queueOrderOf, summarizeQueue } from '../review/queue.js';
import { REPORT_STYLE_CSP_SOURCE } from './pages/case-report.js';
import { isItemId, itemScopeOf } from '../review/scope.js';
import { CSP_HEADER, strictCsp } from '../security-headers.js';
import { dictionaryFor } from './i18n.js';
import { langOf, rememberLang } from './lang.js';
import { adminPage } from './pages/admin.js';
import { itemPage } from './pages/item.js';
import { itemHref } from './pages/links.js';
import type { PageSession } from './pages/layout.js';
import { queuePage } from './pages/queue.js';
import { secondFactorPage } from './pages/second-factor.js';
import { signInPage } from './pages/sign-in.js';

const HTML = 'text/html; charset=utf-8';
type ItemRequest = FastifyRequest<{ Params: { id: string } }>;

/** The workspace's pages; pages without a session send you to sign in. */
export function webRoutes(ctx: ReviewContext): FastifyPluginAsync {
  return async (app) => {
    app.addHook('onRequest', async (request, reply) => rememberLang(request, reply));

    app.get('/', async (request, reply) => {
      const session = await resolveSession(ctx, request);
      if (session) return reply.redirect(session.mustEnrol ? '/totp' : homePageOf(session.viewer), 303);
      return reply.type(HTML).send(signInPage(dictionaryFor(langOf(request))));
    });

    app.get('/totp', async (request, reply) => {
      const session = await resolveSession(ctx, request);
      if (!session) return reply.redirect('/', 303);
      const factors = new SecondFactorRepository(ctx.db);
      if (await factors.isEnrolled(session.viewer.userId)) return reply.redirect(homePageOf(session.viewer), 303);
      // The pending key stays the same across reloads until it is confirmed.
      let secret = await factors.pendingSecret(session.viewer.userId);
      if (!secret) {
        secret = newTotpSecret();
        await factors.begin(session.viewer.userId, secret);
      }
      const enrolment = { secret, uri: totpUri(secret, session.viewer.email) };
      return reply.type(HTML).send(secondFactorPage(dictionaryFor(langOf(request)), pageSessionOf(session), enrolment));
    });

    app.get('/queue', async (request, reply) => {
      const session = await pageSession(request, reply);
      if (!session) return reply;
      const scope = itemScopeOf(session.viewer);
      const filter = parseQueueFilter(request.query);
      const [{ items, next_cursor }, summary, choices] = await Promise.all([
        listQueue(ctx.db, scope, filter),
        summarizeQueue(ctx.db, scope, filter),
        new ReviewQueueRepository(ctx.db).filterChoices(scope),
      ]);
      const view = { filter, rows: items, nextCursor: next_cursor, summary, choices, now: new Date() };
      return reply.type(HTML).send(queuePage(dictionaryFor(langOf(request)), pageSessionOf(session), view));
    });

    /**
     * After a decision: the item this person may take next (open, or escalated for those who take
     * escalations) in the order they work in (highest priority, or oldest), or the queue when
     * none is left.
     */
    app.get('/items/next', async (request: FastifyRequest<{ Querystring: { after?: string; sort?: string } }>, reply) => {
      const session = await pageSession(request, reply);
      if (!session) return reply;
      requirePermission(session.viewer, 'review', 'review items');
      const statuses: ReviewStatus[] = can(session.viewer, 'claim_escalated') ? ['open', 'escalated'] : ['open'];
      const after = request.query.after;
      const order = queueOrderOf(request.query);
      const rows = await new ReviewQueueRepository(ctx.db).page(itemScopeOf(session.viewer), { statuses, order, limit: 2 });
      const next = rows.find((row) => row.id !== after);
      return reply.redirect(next ? itemHref(next.id, order) : '/queue', 303);
    });

    app.get('/items/:id', async (request: ItemRequest, reply) => {
      const session = await pageSession(request, reply);
      if (!session) return reply;
      const { id } = request.params;
      const now = new Date();
      const opened = isItemId(id) ? await openItem(ctx, session.viewer, id, now) : null;
      if (!opened) throw itemNotFound(id);
      const viewers = await ctx.caseViews.recentViewers(id, session.viewer.userId, VIEWING_WINDOW_SECONDS);
      const view = { ...opened, viewers, leaseSeconds: ctx.claimLeaseSeconds, now, order: queueOrderOf(request.query) };
      return reply.type(HTML).send(itemPage(dictionaryFor(langOf(request)), pageSessionOf(session), view));
    });

    /** The printable report exactly as it was forwarded (self-contained, no script). */
    app.get('/items/:id/report', async (request: ItemRequest, reply) => {
      const session = await pageSession(request, reply);
      if (!session) return reply;
      const { id } = request.params;
      const visible = isItemId(id) ? await loadItemDetail(ctx.db, itemScopeOf(session.viewer), id) : null;
      const report = visible ? await new ForwardingRepository(ctx.db).reportHtml(id) : null;
      if (!report) throw itemNotFound(id);
      await ctx.caseViews.record(id, session.viewer.userId);
      return reply
        .type(HTML)
        .header(CSP_HEADER, strictCsp({ 'script-src': "'none'", 'style-src': REPORT_STYLE_CSP_SOURCE, 'img-src': 'data:' }))
        .send(report);
    });

    app.get('/admin', async (request, reply) => {
      const session = await pageSession(request, reply);
      if (!session) return reply;
      requirePermission(session.viewer, 'administer', 'administer Netra');
      const view = { users: await listUsers(ctx.db), agencies: await new AgencySettingsRepository(ctx.db).list(), now: new Date() };
      return reply.type(HTML).send(adminPage(dictionaryFor(langOf(request)), pageSessionOf(session), view));
    });

    /** The session, or a redirect to sign in (then the caller returns the reply). */
    async function pageSession(request: FastifyRequest, reply: FastifyReply): Promise<RequestSession | null> {
      try {
        const session = await resolveSession(ctx, request);
        if (!session) reply.redirect('/', 303);
        return session;
      } catch (error) {
        // Signed in with a password, second factor not yet set up: that comes first.
        if (error instanceof HttpError && error.code === 'NETRA_SECOND_FACTOR_ENROLMENT_REQUIRED') {
          reply.redirect('/totp', 303);
          return null;
        }
        throw error;
      }
    }
  };
}

function pageSessionOf(session: RequestSession): PageSession {
  return { viewer: session.viewer, csrfToken: csrfTokenFor(session.token) };
}
