import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { clientKey } from './auth/client-key.js';
import { httpError } from './errors.js';

/** Requests per minute one client may make in each class of route. */
export interface RateLimits {
  signIn: number;
  write: number;
  read: number;
  /** Public reports (POST /lapor) per client per hour. */
  publicReportsPerHour: number;
}

/**
 * Generous for a person at work (the workspace polls and heartbeats), tight for a script. Wrong
 * passwords are throttled much harder by the sign-in throttle; this caps floods of anything.
 */
export const DEFAULT_RATE_LIMITS: RateLimits = { signIn: 60, write: 300, read: 1200, publicReportsPerHour: 10 };

/** Monitoring scrapes these every few seconds from one address; they reveal nothing. */
const serviceEndpoints = new Set(['/healthz', '/readyz', '/metrics']);

type RouteClass = Exclude<keyof RateLimits, 'publicReportsPerHour'>;

function classOf(request: FastifyRequest): RouteClass {
  if (request.method === 'GET' || request.method === 'HEAD') return 'read';
  return request.url.split('?')[0] === '/api/session' && request.method === 'POST' ? 'signIn' : 'write';
}

/**
 * @fastify/rate-limit on every route, one counter per client (IPv6 by /64) and route class, so a
 * flood of reads does not use up a reviewer's decisions. A root onRequest hook, so it runs before
 * the routes' own hooks (an unauthenticated flood is limited too). Counters live in this
 * process: with several review replicas, each enforces its own share.
 */
export function installRateLimits(app: FastifyInstance, limits: RateLimits): void {
  app.register(rateLimit, { global: false }).after(() => {
    app.addHook(
      'onRequest',
      app.rateLimit({
        timeWindow: 60_000,
        max: (request) => limits[classOf(request)],
        keyGenerator: (request) => `${classOf(request)}:${clientKey(request.ip)}`,
        allowList: (request) => serviceEndpoints.has(request.url.split('?')[0]!),
        errorResponseBuilder: (_request, context) =>
          httpError('rateLimited', { after: context.after }, { retry_after_seconds: Math.ceil(context.ttl / 1000) }),
      }),
    );
  });
}
