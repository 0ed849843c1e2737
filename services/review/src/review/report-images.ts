import { thumbnail, type MediaStore } from '@netra/media';
import type { ReviewItemDetail } from './detail.js';

/**
 * The case's images as data: URIs of their thumbnails, by SHA-256, for the forwarded report: it
 * is one self-contained page (the agency has no access to Netra's store), and the hash beside
 * each picture names the kept original. A file the store no longer holds is left out.
 */
export async function reportThumbnails(store: MediaStore, detail: ReviewItemDetail): Promise<Map<string, string>> {
  const subject = detail.subject;
  const posts = subject.kind === 'post' ? [subject.post] : [subject.comment_post, subject.target_post].flatMap((p) => (p ? [p] : []));
  const shas = new Set([
    ...posts.flatMap((post) => post.images.flatMap((image) => (image.file ? [image.file.sha256] : []))),
    ...detail.classification.findings.flatMap((f) => (f.knownImage?.sha256 ? [f.knownImage.sha256] : [])),
  ]);
  const thumbnails = new Map<string, string>();
  for (const sha256 of shas) {
    const bytes = await store.get(sha256);
    if (bytes) thumbnails.set(sha256, `data:image/jpeg;base64,${(await thumbnail(bytes)).toString('base64')}`);
  }
  return thumbnails;
}
