import type { FastifyError, FastifyInstance } from 'fastify';
import { ZodError } from 'zod';
import { NetraError } from '@netra/core';
import { langOf } from './web/lang.js';
import { dictionaryFor } from './web/i18n.js';
import { errorPage } from './web/pages/layout.js';

/** An error with the HTTP status it answers with; `code` is what clients branch on. */
export class HttpError extends NetraError {
  constructor(
    readonly statusCode: number,
    code: string,
    message: string,
    details?: Record<string, unknown>,
  ) {
    super(code, message, details);
    this.name = 'HttpError';
  }
}

export const unauthenticated = () => new HttpError(401, 'NETRA_UNAUTHENTICATED', 'sign in first');
export const badCredentials = () => new HttpError(401, 'NETRA_BAD_CREDENTIALS', 'e-mail or password is wrong');
export const csrfRejected = () =>
  new HttpError(403, 'NETRA_CSRF', 'missing or wrong X-Netra-CSRF header (get it from GET /api/me)');
export const forbiddenRole = (role: string) =>
  new HttpError(403, 'NETRA_FORBIDDEN', `the ${role} role has no access to review items`);
export const forbiddenAction = (role: string, action: string) =>
  new HttpError(403, 'NETRA_FORBIDDEN', `the ${role} role may not ${action}`);
export const signInLocked = (until: Date) =>
  new HttpError(429, 'NETRA_SIGN_IN_LOCKED', 'too many failed sign-ins for this e-mail from this client; try again later', {
    locked_until: until.toISOString(),
  });
export const secondFactorRequired = () =>
  new HttpError(401, 'NETRA_SECOND_FACTOR_REQUIRED', 'enter the 6-digit code of your authenticator app, or a recovery code');
export const secondFactorEnrolmentRequired = () =>
  new HttpError(403, 'NETRA_SECOND_FACTOR_ENROLMENT_REQUIRED', 'set up your authenticator app first (GET /totp, or POST /api/me/totp/setup)');
/** Also what an item outside the caller's scope answers: its existence is not disclosed. */
export const itemNotFound = (id: string) => new HttpError(404, 'NETRA_NOT_FOUND', `review item ${id} not found`);
/** An image the item does not show, or one outside the caller's scope: the same answer. */
export const mediaNotFound = (id: string, sha256: string) => new HttpError(404, 'NETRA_NOT_FOUND', `image ${sha256.slice(0, 64)} of review item ${id} not found`);

/** Status codes for the NetraError codes raised below the HTTP layer. */
const statusByCode: Record<string, number> = {
  NETRA_INVALID_INPUT: 400,
  NETRA_REVIEW_TRANSITION: 409,
};

/**
 * Every error leaves as `{ code, message }` (plus details where useful); API clients get JSON,
 * page requests a small escaped HTML page. Unexpected errors are logged and answered without
 * their message, which may carry internals.
 */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | Error, request, reply) => {
    const { statusCode, body } = describe(error);
    if (statusCode >= 500) request.log.error({ err: error }, 'request failed');
    if (request.url.startsWith('/api/')) return reply.code(statusCode).send(body);
    return reply.code(statusCode).type('text/html; charset=utf-8').send(errorPage(langOf(request), statusCode, body.message));
  });
  app.setNotFoundHandler((request, reply) => {
    const body = { code: 'NETRA_NOT_FOUND', message: `${request.method} ${request.url.split('?')[0]} not found` };
    if (request.url.startsWith('/api/')) return reply.code(404).send(body);
    const lang = langOf(request);
    return reply.code(404).type('text/html; charset=utf-8').send(errorPage(lang, 404, dictionaryFor(lang).t.pageNotFound));
  });
}

function describe(error: FastifyError | Error): {
  statusCode: number;
  body: { code: string; message: string; details?: unknown };
} {
  if (error instanceof ZodError) {
    const issues = error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
    return { statusCode: 400, body: { code: 'NETRA_INVALID_INPUT', message: 'request is invalid', details: issues } };
  }
  if (error instanceof HttpError) {
    return { statusCode: error.statusCode, body: withDetails(error.code, error.message, error.details) };
  }
  if (error instanceof NetraError && statusByCode[error.code]) {
    return { statusCode: statusByCode[error.code]!, body: withDetails(error.code, error.message, error.details) };
  }
  // Fastify's own client errors (bad JSON, wrong content type, body too large) keep their codes.
  const fastifyStatus = (error as FastifyError).statusCode;
  if (fastifyStatus && fastifyStatus >= 400 && fastifyStatus < 500) {
    return { statusCode: fastifyStatus, body: { code: (error as FastifyError).code ?? 'NETRA_BAD_REQUEST', message: error.message } };
  }
  return { statusCode: 500, body: { code: 'NETRA_INTERNAL', message: 'internal error' } };
}

function withDetails(code: string, message: string, details: unknown) {
  return details === undefined ? { code, message } : { code, message, details };
}
