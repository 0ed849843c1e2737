import Fastify, { type FastifyInstance } from 'fastify';
import { applyFaults, FaultPlan } from './api/faults.js';
import { registerBlueskyRoutes } from './api/bluesky/routes.js';
import { registerMastodonRoutes } from './api/mastodon-routes.js';
import { registerMediaRoutes } from './api/media-routes.js';
import { registerXRoutes } from './api/x/routes.js';
import { recordNotFound } from './api/not-found.js';
import { registerSimRoutes } from './api/sim-routes.js';
import { registerWebRoutes } from './api/web-routes.js';
import { SimWorldError, type World } from './world/world.js';

export interface SimPlatformOptions {
  /** Shared with the caller so a test can arm faults without HTTP; a fresh plan otherwise. */
  faults?: FaultPlan;
  logger?: boolean;
}

/**
 * The fastify app serving one `world` through three platforms' public APIs (Mastodon REST,
 * Bluesky XRPC, X API v2), their media files and the /sim mutation API.
 */
export function createSimPlatform(world: World, options: SimPlatformOptions = {}): FastifyInstance {
  const app = Fastify({ logger: options.logger ?? false });
  const faults = options.faults ?? new FaultPlan();
  applyFaults(app, faults);
  registerMastodonRoutes(app, world);
  registerBlueskyRoutes(app, world);
  registerXRoutes(app, world);
  registerMediaRoutes(app, world);
  registerSimRoutes(app, world, faults);
  registerWebRoutes(app, world);
  app.setNotFoundHandler((_request, reply) => recordNotFound(reply));
  // Mastodon's error shape; a world rule broken through /sim is the caller's mistake (422).
  app.setErrorHandler((error, _request, reply) => {
    if (error instanceof SimWorldError) return reply.code(422).send({ error: error.message });
    const status = (error as { statusCode?: number }).statusCode ?? 500;
    return reply.code(status).send({ error: status < 500 ? (error as Error).message : 'Internal server error' });
  });
  return app;
}
