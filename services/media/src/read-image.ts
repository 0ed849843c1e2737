import type { MediaObjectFacts } from '@netra/db';
import { inspectImage, perceptualHash, readImageText } from '@netra/media';
import type { MediaDeps } from './deps.js';

/**
 * Checks an image's bytes (type, size, pixels: UnacceptableImage otherwise), keeps them in the
 * store by SHA-256 and reads them — perceptual hash and OCR — unless that file was read before.
 * Bytes are kept before anything records them: a crash in between leaves a file nobody names,
 * never a name without a file.
 */
export async function keepAndRead(deps: Pick<MediaDeps, 'media' | 'store' | 'limits' | 'ocr'>, bytes: Buffer): Promise<MediaObjectFacts> {
  const facts = await inspectImage(bytes, deps.limits);
  await deps.store.put(facts.sha256, bytes);
  const known = await deps.media.object(facts.sha256);
  return known ?? { ...facts, phash: await perceptualHash(bytes), ocrText: await readImageText(bytes, deps.ocr) };
}
