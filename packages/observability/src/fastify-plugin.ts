import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { withLogContext } from '@netra/core';
import { metricsText } from './exposition.js';
import { httpRequestDuration } from './metrics.js';
import { checkReadiness, type ReadinessChecks } from './readiness.js';

export interface ServiceEndpointsOptions {
  checks: ReadinessChecks;
  /** Also answer GET /metrics here (otherwise the health server's port serves it). */
  exposeMetrics?: boolean;
}

/**
 * For a Fastify service: GET /healthz and /readyz, optionally /metrics; the duration of every
 * request by route pattern; and the request id on every log line written while serving it,
 * also by code that logs through the service's base logger. Not encapsulated, so its hooks see
 * every route of the app.
 */
export const serviceEndpoints = fp<ServiceEndpointsOptions>(
  async (app: FastifyInstance, options) => {
    app.addHook('onRequest', (request, _reply, done) => {
      withLogContext({ reqId: request.id }, done);
    });
    app.addHook('onResponse', async (request, reply) => {
      // The route pattern, never the raw URL: ids in paths would make a series per item.
      const route = request.routeOptions.url ?? 'unmatched';
      httpRequestDuration.observe({ method: request.method, route, status_code: String(reply.statusCode) }, reply.elapsedTime / 1000);
    });

    app.get('/healthz', async () => ({ status: 'ok' }));
    app.get('/readyz', async (request, reply) => {
      const readiness = await checkReadiness(options.checks, request.log);
      return reply.code(readiness.ready ? 200 : 503).send({ status: readiness.ready ? 'ready' : 'not ready', ...readiness });
    });
    if (options.exposeMetrics) {
      app.get('/metrics', async (_request, reply) => {
        const metrics = await metricsText();
        return reply.type(metrics.contentType).send(metrics.body);
      });
    }
  },
  { name: 'netra-service-endpoints', fastify: '5.x' },
);
