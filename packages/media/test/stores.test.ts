import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DirectoryMediaStore, openMediaStore, S3MediaStore, type MediaStore } from '../src/index.js';

// The S3 store is tested against s3rver, an S3 API implementation we did not write (MinIO needs
// Docker or a download; neither is available here). The directory store against the disk.
let s3: S3rver;
let s3Dir: string;
let dir: string;
let endpoint: string;

beforeAll(async () => {
  s3Dir = await mkdtemp(join(tmpdir(), 'netra-s3rver-'));
  dir = await mkdtemp(join(tmpdir(), 'netra-dir-store-'));
  s3 = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: s3Dir, configureBuckets: [{ name: 'netra-media', configs: [] }] });
  const address = (await s3.run()) as AddressInfo;
  endpoint = `http://127.0.0.1:${address.port}`;
});

afterAll(async () => {
  await s3?.close();
  await rm(s3Dir, { recursive: true, force: true });
  await rm(dir, { recursive: true, force: true });
});

const bytes = Buffer.from('a poster, as bytes');
const sha256 = createHash('sha256').update(bytes).digest('hex');

describe.each([
  ['directory', () => new DirectoryMediaStore(dir)],
  ['S3', () => new S3MediaStore({ endpoint, region: 'us-east-1', bucket: 'netra-media', accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER', prefix: 'evidence/' })],
] as const)('the %s media store', (_name, open) => {
  let store: MediaStore;
  beforeAll(() => {
    store = open();
  });

  it('keeps bytes under their SHA-256 and gives them back; keeping them again changes nothing', async () => {
    await store.put(sha256, bytes);
    await store.put(sha256, bytes);
    expect((await store.get(sha256))?.equals(bytes)).toBe(true);
  });

  it('answers null for a hash it does not hold', async () => {
    expect(await store.get('0'.repeat(64))).toBeNull();
  });

  it('refuses a key that is not a SHA-256 (it becomes a path or an object key)', async () => {
    await expect(store.put('../../etc/passwd', bytes)).rejects.toThrow(/not a SHA-256/);
    await expect(store.get('../x')).rejects.toThrow(/not a SHA-256/);
  });
});

describe('choosing the store from the settings', () => {
  it('is the directory without a bucket, S3 with one, and names a missing key', async () => {
    expect(openMediaStore({ MEDIA_DIR: dir, MEDIA_S3_REGION: 'us-east-1' })).toBeInstanceOf(DirectoryMediaStore);
    const s3Store = openMediaStore({ MEDIA_DIR: dir, MEDIA_S3_BUCKET: 'netra-media', MEDIA_S3_ENDPOINT: endpoint, MEDIA_S3_REGION: 'us-east-1', MEDIA_S3_ACCESS_KEY_ID: 'S3RVER', MEDIA_S3_SECRET_ACCESS_KEY: 'S3RVER-secret' });
    expect(s3Store).toBeInstanceOf(S3MediaStore);
    expect(() => openMediaStore({ MEDIA_DIR: dir, MEDIA_S3_BUCKET: 'netra-media', MEDIA_S3_REGION: 'us-east-1' })).toThrow(/MEDIA_S3_ACCESS_KEY_ID/);
    // The directory store leaves no partial file behind.
    const files = (await readdir(dir, { recursive: true })).filter((f) => f.endsWith('.partial'));
    expect(files).toEqual([]);
  });
});
