import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { reportNames, runReport, statsQuerySchema, statsScopeOf, toCsv, type ReportName, type StatsReport } from '@netra/stats';
import { requireApiSession, resolveSession } from '../auth/request-session.js';
import { csrfTokenFor } from '../auth/sessions.js';
import type { ReviewContext } from '../context.js';
import { langOf } from '../web/lang.js';
import { loadStatsPage } from './page-data.js';
import { statsPage } from '../web/pages/stats.js';

/**
 * Statistics for every signed-in role, each within its scope (packages/stats/src/scope.ts):
 * GET /api/stats (counts) and /api/stats/{decision-times,backlog,reviewers}, JSON or
 * `format=csv` with the same filters; and the statistics page at /stats.
 */
export function statsRoutes(ctx: ReviewContext): FastifyPluginAsync {
  return async (app) => {
    await app.register(async (api) => {
      api.addHook('onRequest', requireApiSession(ctx));
      api.get('/api/stats', async (request, reply) => sendReport(request, reply, 'counts'));
      api.get('/api/stats/:report', async (request: FastifyRequest<{ Params: { report: string } }>, reply) => {
        const report = request.params.report;
        if (!reportNames.includes(report as ReportName) || report === 'counts') return reply.callNotFound();
        return sendReport(request, reply, report as ReportName);
      });
    });

    app.get('/stats', async (request, reply) => {
      const session = await resolveSession(ctx, request);
      if (!session) return reply.redirect('/', 303);
      const query = statsQuerySchema.parse(request.query);
      const data = await loadStatsPage(ctx.db, query, statsScopeOf(session.viewer));
      const page = statsPage(langOf(request), { viewer: session.viewer, csrfToken: csrfTokenFor(session.token) }, query, data);
      return reply.type('text/html; charset=utf-8').send(page);
    });

    async function sendReport(request: FastifyRequest, reply: FastifyReply, name: ReportName) {
      const query = statsQuerySchema.parse(request.query);
      const report = await runReport(ctx.db, name, query, statsScopeOf(request.session!.viewer));
      if (query.format === 'json') return report;
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${csvFileName(report)}"`)
        .send(toCsv(report));
    }
  };
}

/** netra-counts-agency-code-2024-09-25-2024-11-23.csv: what and when, readable in a downloads folder. */
function csvFileName(report: StatsReport): string {
  const parts = ['netra', report.report, ...report.by, report.filters.from ?? 'awal', report.filters.to ?? 'kini'];
  return `${parts.join('-').replace(/[^a-z0-9.-]/gi, '_')}.csv`;
}
