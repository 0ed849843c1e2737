import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ZodError } from 'zod';
import { NetraError, ReviewTransitionError } from '@netra/core';
import { httpError, HttpError } from './errors.js';
import { langOf } from './web/lang.js';
import { errorPage } from './web/pages/layout.js';

/**
 * Every error leaves as `{ code, message, details? }`, the message in the asker's language; API
 * clients get JSON, page requests a small escaped HTML page. Unexpected errors are logged and
 * answered without their message, which may carry internals.
 */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | Error, request, reply) => {
    const known = asHttpError(error);
    if (known.statusCode >= 500) request.log.error({ err: error }, 'request failed');
    return answer(request, reply, known);
  });
  app.setNotFoundHandler((request, reply) => answer(request, reply, httpError('routeNotFound', { route: `${request.method} ${request.url.split('?')[0]}` })));

  function answer(request: FastifyRequest, reply: FastifyReply, error: HttpError) {
    const lang = langOf(request);
    const body = { code: error.code, message: error.messageIn(lang), ...(error.details === undefined ? {} : { details: error.details }) };
    if (request.url.startsWith('/api/')) return reply.code(error.statusCode).send(body);
    return reply.code(error.statusCode).type('text/html; charset=utf-8').send(errorPage(lang, error.statusCode, body.message));
  }
}

/** What any error answers as: a table entry, whatever raised it. */
function asHttpError(error: FastifyError | Error): HttpError {
  if (error instanceof HttpError) return error;
  if (error instanceof ZodError) {
    // The first problem in the message, every problem in the details: exactly what and where.
    const issues = error.issues.map((issue) => ({ path: issue.path.join('.') || '(body)', message: issue.message }));
    return httpError('invalidInput', { where: issues[0]!.path, problem: issues[0]!.message }, issues);
  }
  if (error instanceof ReviewTransitionError) return httpError('reviewTransition', { reason: error.message }, { reason: error.message });
  if (error instanceof NetraError && error.code === 'NETRA_INVALID_INPUT') return httpError('rejectedInput', { message: error.message }, error.details);
  // Fastify's own client errors (bad JSON, wrong content type, body too large) keep their codes.
  const fastifyStatus = (error as FastifyError).statusCode;
  if (fastifyStatus && fastifyStatus >= 400 && fastifyStatus < 500) {
    return new HttpError(fastifyStatus, (error as FastifyError).code ?? 'NETRA_BAD_REQUEST', { id: error.message, en: error.message });
  }
  return httpError('internal');
}
