import multipart from '@fastify/multipart';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { ZodError } from 'zod';
import { clientKey } from '../auth/client-key.js';
import type { ReviewContext } from '../context.js';
import { HttpError, httpError } from '../errors.js';
import { MAX_UPLOAD_BYTES, receiveReport, reportSchema } from '../reports/intake.js';
import { dictionaryFor } from './i18n.js';
import { langOf } from './lang.js';
import { laporPage, laporReceivedPage, type LaporForm } from './pages/lapor.js';

const HTML = 'text/html; charset=utf-8';
const fieldNames = new Set(['url', 'description', 'contact']);

/**
 * The public report page, /lapor: no sign-in, a plain form (multipart for the optional
 * screenshot), rate-limited per client. Everything a citizen types is validated as staff input
 * is; a mistake re-shows the form with what was typed and the reasons (400), never a 500.
 */
export function laporRoutes(ctx: ReviewContext, reportsPerHour: number): FastifyPluginAsync {
  return async (app) => {
    await app.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 10, fieldSize: 8 * 1024, parts: 12 } });

    app.get('/lapor', async (request, reply) => reply.type(HTML).send(laporPage(dictionaryFor(langOf(request)))));

    // Its own hourly counter beside the app-wide per-minute one (which marks a request as limited
    // once, so a second route-level limiter would never run).
    const hourly = app.createRateLimit({ max: reportsPerHour, timeWindow: 3_600_000, keyGenerator: (request) => `lapor:${clientKey(request.ip)}` });
    app.post(
      '/lapor',
      {
        onRequest: async (request) => {
          const limit = await hourly(request);
          if (!limit.isAllowed && limit.isExceeded) {
            throw httpError('tooManyReports', { minutes: Math.ceil(limit.ttlInSeconds / 60) });
          }
        },
      },
      async (request, reply) => {
        const dict = dictionaryFor(langOf(request));
        const form: LaporForm = {};
        let upload: Buffer | null = null;
        if (!request.isMultipart()) return refuse(reply, dict, form, ['kirim formulir ini sebagai multipart/form-data']);
        try {
          for await (const part of request.parts()) {
            if (part.type === 'file') {
              const bytes = await part.toBuffer();
              if (part.fieldname === 'screenshot' && bytes.length > 0) upload = bytes;
            } else if (fieldNames.has(part.fieldname) && typeof part.value === 'string') {
              form[part.fieldname as 'url' | 'description' | 'contact'] = part.value;
            }
          }
        } catch (error) {
          if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') return refuse(reply, dict, form, [`tangkapan layar lebih besar dari ${MAX_UPLOAD_BYTES / 1024 / 1024} MiB`]);
          throw error;
        }
        try {
          const input = reportSchema.parse({ url: form.url, description: form.description, ...(form.contact ? { contact: form.contact } : {}) });
          const received = await receiveReport(ctx, input, { source: 'public' }, upload);
          return reply.type(HTML).send(laporReceivedPage(dict, received.id));
        } catch (error) {
          if (error instanceof ZodError) return refuse(reply, dict, form, error.issues.map((issue) => issue.message));
          if (error instanceof HttpError && error.statusCode === 400) return refuse(reply, dict, form, [error.messageIn(dict.lang)]);
          throw error;
        }
      },
    );
  };
}

function refuse(reply: FastifyReply, dict: ReturnType<typeof dictionaryFor>, form: LaporForm, errors: string[]) {
  return reply.code(400).type(HTML).send(laporPage(dict, { ...form, errors }));
}
