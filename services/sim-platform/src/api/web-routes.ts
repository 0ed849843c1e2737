import type { FastifyInstance } from 'fastify';
import { renderPoster } from '../world/pictures.js';
import type { SimWebPage } from '../world/types.js';
import type { World } from '../world/world.js';
import { recordNotFound } from './not-found.js';

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function pageHtml(path: string, page: SimWebPage): string {
  if (page.loginWall) {
    return `<!doctype html><html lang="id"><head><meta charset="utf-8"><title>Masuk</title></head><body><h1>Masuk untuk melanjutkan</h1><form><input name="email"><input type="password" name="pass"><button>Masuk</button></form></body></html>`;
  }
  const image = page.poster ? `<img src="/web-media${path}" alt="" width="540">` : '';
  return `<!doctype html><html lang="id"><head><meta charset="utf-8"><title>${escapeHtml(page.title)}</title>
<meta property="og:description" content="${escapeHtml(page.text)}"></head>
<body><article><h1>${escapeHtml(page.author)}</h1><p>${escapeHtml(page.text)}</p>${image}</article></body></html>`;
}

/**
 * Public web pages of platforms Netra cannot poll (a Facebook post, an Instagram profile), for
 * report capture: served at their own paths, so a browser mapped to the sim (Chromium's
 * --host-resolver-rules) opens http://www.facebook.com/<name>/posts/<id> here.
 */
export function registerWebRoutes(app: FastifyInstance, world: World): void {
  const posters = new Map<string, Promise<Buffer>>();
  app.get('/web-media/*', async (request, reply) => {
    const path = `/${(request.params as { '*': string })['*']}`;
    const page = world.webPage(path);
    if (!page?.poster) return recordNotFound(reply);
    if (!posters.has(path)) posters.set(path, renderPoster(page.poster));
    return reply.type('image/png').send(await posters.get(path)!);
  });
  app.get('/*', async (request, reply) => {
    const path = new URL(request.url, 'http://sim').pathname;
    const page = world.webPage(path);
    if (!page) return recordNotFound(reply);
    return reply.type('text/html; charset=utf-8').send(pageHtml(path, page));
  });
}
