import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { inspectImage, perceptualHash, readImageText, UnacceptableImage } from '@netra/media';

/** One image of an input line as the CLI reports it (shared/DESIGN.md). */
export interface MediaReport {
  index: number;
  sha256: string;
  text: string;
  phash: string;
}

/**
 * Reads, checks, hashes and OCRs the images an input line names. Paths are relative to the
 * input file's folder (the working directory for stdin). A file that is missing, too large or
 * not an image fails the line with a message naming it.
 */
export async function readMedia(paths: readonly string[], baseDir: string): Promise<MediaReport[]> {
  return Promise.all(
    paths.map(async (path, index) => {
      const where = `"media"[${index}] ${path}`;
      const bytes = await readFile(resolve(baseDir, path)).catch((error: NodeJS.ErrnoException) => {
        throw new Error(`${where}: cannot read the file (${error.code ?? error.message})`);
      });
      try {
        const { sha256 } = await inspectImage(bytes);
        const [text, phash] = await Promise.all([readImageText(bytes), perceptualHash(bytes)]);
        return { index, sha256, text, phash };
      } catch (error) {
        throw new Error(`${where}: ${error instanceof UnacceptableImage ? error.message : `cannot be read as an image (${error instanceof Error ? error.message : String(error)})`}`);
      }
    }),
  );
}
