import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';

const here = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));
const chartJsDirectory = path.dirname(createRequire(import.meta.url).resolve('chart.js'));

/** Only these files are served (by name under each prefix); anything else answers 404. */
const workspaceAssets = new Set(['/app.js', '/app.css']);
const statsAssets = new Set(['/stats.js', '/stats.css', '/chart.umd.min.js']);

/**
 * The workspace's scripts and stylesheets, from this origin (the CSP allows no other), with
 * ETags and Last-Modified so a browser revalidates (no-cache) instead of downloading again.
 * Each prefix serves its listed files only; send keeps every path inside its root.
 */
export const assets: FastifyPluginAsync = async (app) => {
  const common = { index: false, list: false, cacheControl: false, etag: true, lastModified: true } as const;
  const headers = (reply: FastifyReply, file: string) => {
    reply.header('cache-control', 'no-cache');
    // RFC 9239: JavaScript is text/javascript.
    if (file.endsWith('.js')) reply.header('content-type', 'text/javascript; charset=utf-8');
  };
  await app.register(fastifyStatic, {
    ...common,
    root: here('./static/'),
    prefix: '/static/',
    allowedPath: (pathName) => workspaceAssets.has(pathName),
    setHeaders: headers,
  });
  await app.register(fastifyStatic, {
    ...common,
    root: [here('../stats/static/'), chartJsDirectory],
    prefix: '/stats/assets/',
    decorateReply: false,
    allowedPath: (pathName) => statsAssets.has(pathName),
    setHeaders: headers,
  });
};
