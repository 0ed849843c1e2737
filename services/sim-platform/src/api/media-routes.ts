import type { FastifyInstance } from 'fastify';
import sharp from 'sharp';
import { renderPoster, renderScene } from '../world/pictures.js';
import type { SimMediaContent } from '../world/types.js';
import type { World } from '../world/world.js';
import { recordNotFound } from './not-found.js';

interface MediaFile {
  bytes: Buffer;
  contentType: string;
}

async function render(content: SimMediaContent): Promise<MediaFile> {
  if ('bytes' in content) return { bytes: content.bytes, contentType: content.contentType };
  if ('poster' in content) {
    const png = await renderPoster(content.poster, content.background ? { background: content.background } : {});
    if (!content.copy) return { bytes: png, contentType: 'image/png' };
    return { bytes: await sharp(png).resize(content.copy.width).jpeg({ quality: content.copy.quality }).toBuffer(), contentType: 'image/jpeg' };
  }
  return { bytes: await renderScene(content.scene), contentType: 'image/jpeg' };
}

/**
 * The platforms' media hosts in one route: the file of a status's attached image, rendered on
 * first request and kept. A deleted status's files stay served for a while on real platforms'
 * CDNs; here they go with the status.
 */
export function registerMediaRoutes(app: FastifyInstance, world: World): void {
  const rendered = new Map<string, Promise<MediaFile>>();
  app.get<{ Params: { statusId: string; index: string } }>('/media/:statusId/:index', async (request, reply) => {
    const { statusId, index } = request.params;
    const media = world.status(statusId)?.media[Number(index)];
    if (!media) return recordNotFound(reply);
    const key = `${statusId}/${index}`;
    if (!rendered.has(key)) rendered.set(key, render(media.content));
    const file = await rendered.get(key)!;
    return reply.header('content-type', file.contentType).header('cache-control', 'public, max-age=31536000, immutable').send(file.bytes);
  });
}
