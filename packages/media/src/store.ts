import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Where image bytes are kept, by the SHA-256 of their bytes: the same photo posted twice is kept
 * once, and a stored file can always be checked against the hash the evidence names. Nothing
 * is ever deleted through it: a photo stays evidence after its post is gone.
 */
export interface MediaStore {
  /** Keeps the bytes under their hash; keeping them again is a no-op. */
  put(sha256: string, bytes: Buffer): Promise<void>;
  /** The bytes kept under this hash, or null. */
  get(sha256: string): Promise<Buffer | null>;
}

const sha256Pattern = /^[0-9a-f]{64}$/;

/**
 * The key as a store may use it: the key becomes a path or an object name, so anything but a hex
 * digest (which could walk out of the store) is refused.
 */
export function checkedSha256(sha256: string): string {
  if (!sha256Pattern.test(sha256)) throw new Error(`not a SHA-256 hex digest: ${JSON.stringify(sha256.slice(0, 80))}`);
  return sha256;
}

/**
 * A directory, two levels of fan-out (ab/cd/abcd…) so no folder holds millions of files. A
 * file is written beside its place and renamed into it: a crash never leaves half an image
 * under a hash.
 */
export class DirectoryMediaStore implements MediaStore {
  constructor(private readonly root: string) {}

  private pathOf(sha256: string): { dir: string; file: string } {
    const key = checkedSha256(sha256);
    const dir = join(this.root, key.slice(0, 2), key.slice(2, 4));
    return { dir, file: join(dir, key) };
  }

  async put(sha256: string, bytes: Buffer): Promise<void> {
    const { dir, file } = this.pathOf(sha256);
    await mkdir(dir, { recursive: true });
    const partial = `${file}.${randomUUID()}.partial`;
    try {
      await writeFile(partial, bytes, { flag: 'wx' });
      await rename(partial, file);
    } finally {
      await rm(partial, { force: true });
    }
  }

  async get(sha256: string): Promise<Buffer | null> {
    try {
      return await readFile(this.pathOf(sha256).file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }
}
