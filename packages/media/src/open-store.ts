import { ConfigError } from '@netra/core';
import { S3MediaStore } from './s3-store.js';
import { DirectoryMediaStore, type MediaStore } from './store.js';

/** The media store settings as the services read them (MEDIA_DIR or MEDIA_S3_*). */
export interface MediaStoreSettings {
  MEDIA_DIR: string;
  MEDIA_S3_BUCKET?: string | undefined;
  MEDIA_S3_ENDPOINT?: string | undefined;
  MEDIA_S3_REGION: string;
  MEDIA_S3_ACCESS_KEY_ID?: string | undefined;
  MEDIA_S3_SECRET_ACCESS_KEY?: string | undefined;
}

/** S3-compatible storage when a bucket is configured (a deployment), else the directory (the two-command start). */
export function openMediaStore(settings: MediaStoreSettings): MediaStore {
  if (!settings.MEDIA_S3_BUCKET) return new DirectoryMediaStore(settings.MEDIA_DIR);
  if (!settings.MEDIA_S3_ACCESS_KEY_ID) throw new ConfigError('MEDIA_S3_ACCESS_KEY_ID', 'is not set (MEDIA_S3_BUCKET is)');
  if (!settings.MEDIA_S3_SECRET_ACCESS_KEY) throw new ConfigError('MEDIA_S3_SECRET_ACCESS_KEY', 'is not set (MEDIA_S3_BUCKET is)');
  return new S3MediaStore({
    bucket: settings.MEDIA_S3_BUCKET,
    region: settings.MEDIA_S3_REGION,
    accessKeyId: settings.MEDIA_S3_ACCESS_KEY_ID,
    secretAccessKey: settings.MEDIA_S3_SECRET_ACCESS_KEY,
    ...(settings.MEDIA_S3_ENDPOINT ? { endpoint: settings.MEDIA_S3_ENDPOINT } : {}),
  });
}
