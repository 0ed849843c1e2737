import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Closeable, Logger } from '@netra/core';
import { metricsText } from './exposition.js';
import type { Health } from './dependency-watch.js';
import { checkReadiness, type ReadinessChecks } from './readiness.js';

export interface HealthServer extends Closeable {
  url: string;
}

/**
 * A tiny HTTP server for a service without one of its own (workers, scheduler, forwarder), and
 * the metrics port of those with one: GET /healthz (the process runs and, with `health`, its
 * dependencies were answering at the last check: 503 naming those that fail), /readyz (its
 * dependencies answer now) and /metrics (Prometheus). Nothing else, and nothing personal.
 */
export async function startHealthServer(options: {
  host: string;
  port: number;
  checks: ReadinessChecks;
  logger: Logger;
  health?: () => Health;
}): Promise<HealthServer> {
  const server = createServer((request, response) => {
    route(request, response).catch((error: unknown) => {
      options.logger.error({ err: error }, 'health endpoint failed');
      if (!response.headersSent) send(response, 500, 'application/json', '{"status":"error"}');
    });
  });
  async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = (request.url ?? '/').split('?')[0];
    if (request.method !== 'GET' && request.method !== 'HEAD') return send(response, 405, 'application/json', '{"status":"method not allowed"}');
    if (path === '/healthz') {
      const health = options.health?.() ?? { healthy: true, failing: {} };
      if (health.healthy) return send(response, 200, 'application/json', '{"status":"ok"}');
      return send(response, 503, 'application/json', JSON.stringify({ status: 'unhealthy', failing: Object.keys(health.failing) }));
    }
    if (path === '/readyz') {
      const readiness = await checkReadiness(options.checks, options.logger);
      return send(response, readiness.ready ? 200 : 503, 'application/json', JSON.stringify({ status: readiness.ready ? 'ready' : 'not ready', ...readiness }));
    }
    if (path === '/metrics') {
      const metrics = await metricsText();
      return send(response, 200, metrics.contentType, metrics.body);
    }
    send(response, 404, 'application/json', '{"status":"not found"}');
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeIdleConnections();
      }),
  };
}

function send(response: ServerResponse, status: number, contentType: string, body: string): void {
  response.writeHead(status, { 'content-type': contentType, 'cache-control': 'no-store' });
  response.end(body);
}
