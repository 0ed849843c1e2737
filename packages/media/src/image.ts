import { createHash } from 'node:crypto';
import sharp, { type Metadata } from 'sharp';

/** What an image file is, checked before anything reads it further. */
export interface ImageFacts {
  /** Hex SHA-256 of the bytes as received: the evidence's identity. */
  sha256: string;
  format: string;
  width: number;
  height: number;
  bytes: number;
}

export interface ImageLimits {
  maxBytes: number;
  /** Width x height: a decompression bomb is refused before it is decoded. */
  maxPixels: number;
}

export const defaultImageLimits: ImageLimits = { maxBytes: 15 * 1024 * 1024, maxPixels: 50_000_000 };

const acceptedFormats = new Set(['jpeg', 'png', 'webp', 'gif', 'tiff', 'avif', 'heif']);

/** A file that is not an image we accept: the message says what it is and what is allowed. */
export class UnacceptableImage extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnacceptableImage';
  }
}

/**
 * Hashes and identifies an image from its header, without decoding it: posts and reports carry
 * hostile files, so size, type and pixel count are checked first.
 */
export async function inspectImage(bytes: Buffer, limits: ImageLimits = defaultImageLimits): Promise<ImageFacts> {
  if (bytes.length === 0) throw new UnacceptableImage('the file is empty');
  if (bytes.length > limits.maxBytes) throw new UnacceptableImage(`the file is ${mebibytes(bytes.length)}, more than the ${mebibytes(limits.maxBytes)} allowed`);
  let metadata: Metadata;
  try {
    metadata = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    throw new UnacceptableImage(`the file is not an image (accepted: ${[...acceptedFormats].join(', ')})`);
  }
  const { format, width, height } = metadata;
  if (!format || !acceptedFormats.has(format)) throw new UnacceptableImage(`images of type ${format ?? 'unknown'} are not accepted (accepted: ${[...acceptedFormats].join(', ')})`);
  if (!width || !height) throw new UnacceptableImage('the image has no size');
  if (width * height > limits.maxPixels) throw new UnacceptableImage(`the image is ${width}×${height} pixels, more than the ${limits.maxPixels.toLocaleString('en')} allowed`);
  return { sha256: createHash('sha256').update(bytes).digest('hex'), format, width, height, bytes: bytes.length };
}

function mebibytes(n: number): string {
  return n < 1024 * 1024 ? `${Math.ceil(n / 1024)} KiB` : `${(n / 1024 / 1024).toFixed(1)} MiB`;
}
