import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '@netra/db';
import { httpError, unauthenticated } from '../errors.js';
import { mustEnrol, type SecondFactorPolicy } from './second-factor.js';
import { csrfTokenFor, findSessionViewer, secretsEqual, type Viewer } from './sessions.js';

export interface RequestSession {
  token: string;
  viewer: Viewer;
  /** Signed in with a password only, by someone who must enrol a second factor before anything else. */
  mustEnrol: boolean;
}

/** What a session that must enrol a second factor may still do: enrol, look at itself, sign out. */
const ENROLMENT_ROUTES = new Set(['GET /', 'GET /totp', 'GET /api/me', 'POST /api/me/totp/setup', 'POST /api/me/totp', 'DELETE /api/session']);

declare module 'fastify' {
  interface FastifyRequest {
    session: RequestSession | null;
  }
  interface FastifyContextConfig {
    /** The route answers without a session (sign-in, sign-in page, static files). */
    public?: boolean;
  }
}

export const CSRF_HEADER = 'x-netra-csrf';
/** Sent by the page's own timers (the claim heartbeat): such a request is not the person acting. */
export const BACKGROUND_HEADER = 'x-netra-background';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The session cookie. httpOnly keeps it from scripts, SameSite=Strict from cross-site requests,
 * and over HTTPS the __Host- prefix pins it to this exact origin and path.
 */
export function sessionCookie(insecure: boolean) {
  const name = insecure ? 'netra_session' : '__Host-netra_session';
  const options = { httpOnly: true, sameSite: 'strict', secure: !insecure, path: '/' } as const;
  return {
    read: (request: FastifyRequest): string | undefined => request.cookies[name],
    set: (reply: FastifyReply, token: string, expires: Date) => reply.setCookie(name, token, { ...options, expires }),
    clear: (reply: FastifyReply) => reply.clearCookie(name, options),
  };
}
export type SessionCookie = ReturnType<typeof sessionCookie>;

/** Looks up the request's session cookie and records the result on `request.session`. */
export interface SessionDeps {
  db: Db;
  cookie: SessionCookie;
  secondFactor: SecondFactorPolicy;
}

/**
 * Looks up the request's session cookie and records the result on `request.session`. A session
 * that must enrol a second factor answers 403 NETRA_SECOND_FACTOR_ENROLMENT_REQUIRED on every
 * route but the enrolment ones (pages send the person to /totp instead).
 */
export async function resolveSession(deps: SessionDeps, request: FastifyRequest): Promise<RequestSession | null> {
  const token = deps.cookie.read(request);
  const found = token ? await findSessionViewer(deps.db, token, request.headers[BACKGROUND_HEADER] !== '1') : null;
  if (!token || !found) {
    request.session = null;
    return null;
  }
  const { secondFactorEnrolled, ...viewer } = found;
  request.session = { token, viewer, mustEnrol: mustEnrol(deps.secondFactor, viewer.role, secondFactorEnrolled) };
  if (request.session.mustEnrol && !ENROLMENT_ROUTES.has(`${request.method} ${request.routeOptions.url}`)) throw httpError('secondFactorEnrolmentRequired');
  return request.session;
}

/**
 * The API's gate: a valid session for every route not marked public, and for state-changing
 * methods the CSRF header bound to that session (SameSite=Strict is the first line, this the second).
 */
export function requireApiSession(deps: SessionDeps) {
  return async (request: FastifyRequest): Promise<void> => {
    if (request.routeOptions.config.public) return;
    const session = await resolveSession(deps, request);
    if (!session) throw unauthenticated();
    if (SAFE_METHODS.has(request.method)) return;
    const header = request.headers[CSRF_HEADER];
    if (typeof header !== 'string' || !secretsEqual(header, csrfTokenFor(session.token))) throw httpError('csrfRejected');
  };
}

/** The session of a request that passed a session gate. */
export function sessionOf(request: FastifyRequest): RequestSession {
  if (!request.session) throw unauthenticated();
  return request.session;
}
