import { GetObjectCommand, NoSuchKey, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { checkedSha256, type MediaStore } from './store.js';

export interface S3StoreOptions {
  /** An S3-compatible endpoint (MinIO, Ceph, a cloud's); omitted: AWS itself. */
  endpoint?: string;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Keys under this prefix ('netra/media/'), so a bucket can be shared. */
  prefix?: string;
}

/**
 * The media store on S3-compatible object storage (MinIO in docker-compose), through AWS's own
 * client. Keys are the SHA-256 with two levels of fan-out like the directory store's; objects are
 * written once and never deleted from here (set the bucket's object lock or versioning for
 * evidence retention). Path-style addressing, which MinIO and most compatible stores expect.
 */
export class S3MediaStore implements MediaStore {
  private readonly client: S3Client;

  constructor(private readonly options: S3StoreOptions) {
    this.client = new S3Client({
      region: options.region,
      ...(options.endpoint ? { endpoint: options.endpoint, forcePathStyle: true } : {}),
      credentials: { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey },
    });
  }

  private keyOf(sha256: string): string {
    const key = checkedSha256(sha256);
    return `${this.options.prefix ?? ''}${key.slice(0, 2)}/${key.slice(2, 4)}/${key}`;
  }

  async put(sha256: string, bytes: Buffer): Promise<void> {
    await this.client.send(new PutObjectCommand({ Bucket: this.options.bucket, Key: this.keyOf(sha256), Body: bytes, ContentLength: bytes.length }));
  }

  async get(sha256: string): Promise<Buffer | null> {
    try {
      const object = await this.client.send(new GetObjectCommand({ Bucket: this.options.bucket, Key: this.keyOf(sha256) }));
      return object.Body ? Buffer.from(await object.Body.transformToByteArray()) : null;
    } catch (error) {
      if (error instanceof NoSuchKey || (error as { name?: string }).name === 'NoSuchKey') return null;
      throw error;
    }
  }
}
