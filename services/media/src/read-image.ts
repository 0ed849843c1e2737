import type { MediaObjectFacts } from '@netra/db';
import { inspectImage, perceptualHash, readImageText } from '@netra/media';
import type { MediaDeps } from './deps.js';

type ReadDeps = Pick<MediaDeps, 'media' | 'limits' | 'ocr'>;

/**
 * Checks an image's bytes (type, size, pixels: UnacceptableImage otherwise) and reads them —
 * perceptual hash and OCR — unless that file was read before.
 */
export async function readImage(deps: ReadDeps, bytes: Buffer): Promise<MediaObjectFacts> {
  const facts = await inspectImage(bytes, deps.limits);
  const known = await deps.media.object(facts.sha256);
  return known ?? { ...facts, phash: await perceptualHash(bytes), ocrText: await readImageText(bytes, deps.ocr) };
}

/**
 * readImage for bytes just received, kept in the store by SHA-256 before anything records them:
 * a crash in between leaves a file nobody names, never a name without a file.
 */
export async function keepAndRead(deps: ReadDeps & Pick<MediaDeps, 'store'>, bytes: Buffer): Promise<MediaObjectFacts> {
  const facts = await readImage(deps, bytes);
  await deps.store.put(facts.sha256, bytes);
  return facts;
}
