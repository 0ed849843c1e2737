import type { FastifyInstance } from 'fastify';

/**
 * Strict headers on every response. The CSP allows only this origin's own script and style files,
 * so even if an escaping bug let markup through, no injected script could run.
 */
const baseCsp = {
  'default-src': "'none'",
  'script-src': "'self'",
  'style-src': "'self'",
  'img-src': "'self'",
  'connect-src': "'self'",
  'form-action': "'self'",
  'base-uri': "'none'",
  'frame-ancestors': "'none'",
};

export const CSP_HEADER = 'content-security-policy';

/** The strict policy, with some directives narrowed or pinned (say, one style block by its hash). */
export function strictCsp(overrides: Partial<Record<keyof typeof baseCsp, string>> = {}): string {
  return Object.entries({ ...baseCsp, ...overrides })
    .map(([directive, value]) => `${directive} ${value}`)
    .join('; ');
}

const headers = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
};

/** A year of HTTPS only, subdomains too: what the TLS proxy sends as well (ops/caddy/Caddyfile). */
const HSTS = 'max-age=31536000; includeSubDomains';

/** `https`: the workspace is served over TLS (its cookies are Secure), so browsers must keep to it. */
export function installSecurityHeaders(app: FastifyInstance, options: { https: boolean }): void {
  const defaultCsp = strictCsp();
  app.addHook('onSend', async (_request, reply) => {
    reply.headers(headers);
    if (options.https) reply.header('strict-transport-security', HSTS);
    // A route may set a stricter or pinned policy of its own; otherwise the default applies.
    if (!reply.hasHeader(CSP_HEADER)) reply.header(CSP_HEADER, defaultCsp);
    // Pages and API answers carry personal data: no shared or browser caches.
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
  });
}
