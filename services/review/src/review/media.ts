import { ReviewCaseRepository } from '@netra/db';
import { thumbnail } from '@netra/media';
import type { ReviewContext } from '../context.js';
import { httpError } from '../errors.js';
import type { ItemScope } from './scope.js';

const contentTypes: Record<string, string> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  gif: 'image/gif',
  tiff: 'image/tiff',
  avif: 'image/avif',
  heif: 'image/heif',
};

export interface ServedImage {
  bytes: Buffer;
  contentType: string;
  fileName: string;
}

/**
 * An image of a review item, for someone who may see the item, if the item may show it
 * (ReviewCaseRepository.imageFormat says which may). Anything else answers 404, whether it
 * exists or not.
 */
export async function itemImage(ctx: ReviewContext, scope: ItemScope, itemId: string, sha256: string, size: 'original' | 'thumb'): Promise<ServedImage> {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw httpError('mediaNotFound', { id: itemId, sha256: sha256.slice(0, 64) });
  const format = await new ReviewCaseRepository(ctx.db).imageFormat(scope, itemId, sha256);
  const bytes = format === undefined ? null : await ctx.mediaStore.get(sha256);
  if (!bytes || format === undefined) throw httpError('mediaNotFound', { id: itemId, sha256: sha256.slice(0, 64) });
  if (size === 'thumb') return { bytes: await thumbnail(bytes), contentType: 'image/jpeg', fileName: `${sha256}-thumb.jpg` };
  return { bytes, contentType: contentTypes[format] ?? 'application/octet-stream', fileName: `${sha256}.${format}` };
}
