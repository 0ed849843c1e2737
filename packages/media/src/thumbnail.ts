import sharp from 'sharp';

/** The longest side of a thumbnail in the review workspace, in pixels. */
export const thumbnailSide = 480;

/**
 * A small JPEG of an image for the queue and item pages: upright, at most 480 px a side, its
 * metadata (camera, place) dropped. The original stays as it was received, as evidence.
 */
export function thumbnail(bytes: Buffer): Promise<Buffer> {
  return sharp(bytes, { limitInputPixels: false })
    .rotate()
    .resize({ width: thumbnailSide, height: thumbnailSide, fit: 'inside', withoutEnlargement: true })
    .flatten({ background: '#ffffff' })
    .jpeg({ quality: 80 })
    .toBuffer();
}
