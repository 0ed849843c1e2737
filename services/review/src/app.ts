import fastifyCookie from '@fastify/cookie';
import Fastify, { type FastifyBaseLogger } from 'fastify';
import { PUBLIC_ONLY, type Logger, type OutboundPolicy } from '@netra/core';
import { CaseViewRepository, ReviewItemRepository, SignInThrottle, type Db } from '@netra/db';
import { DirectoryMediaStore, type MediaStore } from '@netra/media';
import { postgresAnswers, serviceEndpoints } from '@netra/observability';
import { sessionCookie } from './auth/request-session.js';
import type { SecondFactorPolicy } from './auth/second-factor.js';
import type { ReviewContext } from './context.js';
import { installErrorHandling } from './error-handler.js';
import { apiRoutes } from './routes/api.js';
import { installInputHygiene } from './input-hygiene.js';
import { DEFAULT_RATE_LIMITS, installRateLimits, type RateLimits } from './rate-limits.js';
import { installSecurityHeaders } from './security-headers.js';
import { statsRoutes } from './stats/routes.js';
import { laporRoutes } from './web/lapor-routes.js';
import { assets } from './web/assets.js';
import { webRoutes } from './web/routes.js';

export interface ReviewAppOptions {
  db: Db;
  logger: Logger;
  /** Serve the session cookie without Secure, for a local demo over plain HTTP. */
  insecureCookies: boolean;
  /** How long a claim lasts before the item is free again (Ozone uses 5 minutes). */
  claimLeaseSeconds?: number;
  /** Non-public addresses an agency webhook may be set to (OUTBOUND_ALLOWED_ADDRESSES); default none. */
  outbound?: OutboundPolicy;
  /** The reverse proxies whose X-Forwarded-For names the real client (REVIEW_TRUSTED_PROXIES). */
  trustedProxies?: readonly string[];
  /** TOTP for the roles that see personal data ('required', the default), or 'off' (the local demo). */
  secondFactor?: SecondFactorPolicy;
  /** Requests per minute per client and route class; the defaults suit production. */
  rateLimits?: RateLimits;
  /** The media store the media worker writes to: a directory (MEDIA_DIR, default var/media) or another store. */
  media?: string | MediaStore;
}

export const DEFAULT_CLAIM_LEASE_SECONDS = 300;

/** The review service as a Fastify instance, not yet listening: main.ts, the demo and tests run it. */
export function buildReviewApp(options: ReviewAppOptions) {
  // Widened to Fastify's logger type, so plugins type-check against a plain FastifyInstance.
  const loggerInstance: FastifyBaseLogger = options.logger;
  const app = Fastify({ loggerInstance, bodyLimit: 64 * 1024, trustProxy: [...(options.trustedProxies ?? [])] });
  const ctx: ReviewContext = {
    db: options.db,
    reviewItems: new ReviewItemRepository(options.db),
    caseViews: new CaseViewRepository(options.db),
    throttle: new SignInThrottle(options.db),
    cookie: sessionCookie(options.insecureCookies),
    claimLeaseSeconds: options.claimLeaseSeconds ?? DEFAULT_CLAIM_LEASE_SECONDS,
    outbound: options.outbound ?? PUBLIC_ONLY,
    secondFactor: options.secondFactor ?? 'required',
    mediaStore: typeof options.media === 'object' ? options.media : new DirectoryMediaStore(options.media ?? 'var/media'),
  };
  // JSON only: a cross-site HTML form can send text/plain without a preflight, JSON it cannot.
  app.removeContentTypeParser('text/plain');
  app.decorateRequest('session', null);
  installSecurityHeaders(app, { https: !options.insecureCookies });
  installErrorHandling(app);
  const rateLimits = options.rateLimits ?? DEFAULT_RATE_LIMITS;
  installRateLimits(app, rateLimits);
  installInputHygiene(app);
  app.register(fastifyCookie);
  app.register(serviceEndpoints, { checks: { postgres: postgresAnswers(options.db) } });
  app.register(assets);
  app.register(statsRoutes(ctx));
  app.register(apiRoutes(ctx), { prefix: '/api' });
  app.register(webRoutes(ctx));
  app.register(laporRoutes(ctx, rateLimits.publicReportsPerHour));
  return app;
}

export type ReviewApp = ReturnType<typeof buildReviewApp>;
