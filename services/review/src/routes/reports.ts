import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ReportRepository } from '@netra/db';
import { requirePermission } from '../auth/permissions.js';
import { sessionOf } from '../auth/request-session.js';
import type { ReviewContext } from '../context.js';
import { httpError } from '../errors.js';
import { receiveReport, reportSchema } from '../reports/intake.js';
import { isItemId } from '../review/scope.js';

type ReportRequest = FastifyRequest<{ Params: { id: string } }>;

const linkSchema = z.strictObject({
  nip: z.string().trim().regex(/^\d{18}$/, 'nip: 18 angka NIP ASN yang dilaporkan'),
  /** The account's handle on the link's platform, when the link does not name it. */
  handle: z.string().trim().min(1).max(100).regex(/^[\p{L}\p{N}._-]+$/u, 'handle: nama akun tanpa spasi').optional(),
});

const reportNotFound = (id: string) => httpError('reportNotFound', { id: id.slice(0, 20) });

const linkProblems = {
  not_unlinked: (id: string) => httpError('reportNotUnlinked', { id }),
  unknown_nip: () => httpError('unknownNip'),
  no_platform: () => httpError('reportWithoutPlatform'),
  account_taken: () => httpError('accountTaken'),
};

/** Reports from staff, and the triage of those no registered account matched. */
export function reportRoutes(ctx: ReviewContext): FastifyPluginAsync {
  return async (app) => {
    const reports = new ReportRepository(ctx.db);

    app.post('/reports', async (request, reply) => {
      const viewer = sessionOf(request).viewer;
      requirePermission(viewer, 'report', 'file a report');
      const received = await receiveReport(ctx, reportSchema.parse(request.body), { source: 'staff', userId: viewer.userId }, null);
      return reply.code(201).send(received);
    });

    // Unlinked reports, without the reporter's contact: that is shown on the case only.
    app.get('/reports', async (request) => {
      requirePermission(sessionOf(request).viewer, 'triage_reports', 'triage reports');
      const rows = await reports.unlinked();
      return {
        reports: rows.map(({ contact: _contact, ...report }) => report),
      };
    });

    app.post('/reports/:id/link', async (request: ReportRequest) => {
      const viewer = sessionOf(request).viewer;
      requirePermission(viewer, 'triage_reports', 'link a report');
      const id = reportIdOf(request);
      const body = linkSchema.parse(request.body);
      const report = await reports.get(id);
      if (!report) throw reportNotFound(id);
      const handle = body.handle ?? report.handle;
      if (!handle) throw httpError('reportWithoutHandle');
      const linked = await reports.link(id, body.nip, handle, viewer.userId);
      if ('problem' in linked) throw linkProblems[linked.problem](id);
      // The post is classified by the scheduler's sweep of stored, unclassified subjects.
      return { id, status: 'linked', post_id: linked.postId };
    });

    app.post('/reports/:id/reject', async (request: ReportRequest) => {
      const viewer = sessionOf(request).viewer;
      requirePermission(viewer, 'triage_reports', 'reject a report');
      const id = reportIdOf(request);
      if (!(await reports.reject(id, viewer.userId))) throw linkProblems.not_unlinked(id);
      return { id, status: 'rejected' };
    });
  };
}

function reportIdOf(request: ReportRequest): string {
  if (!isItemId(request.params.id)) throw reportNotFound(request.params.id);
  return request.params.id;
}
