import { sql, type Kysely } from 'kysely';
import type { Database } from '@netra/db';
import { thumbnail } from '@netra/media';
import type { ReviewContext } from '../context.js';
import { httpError } from '../errors.js';
import { visibleItems, type ItemScope } from './scope.js';

const contentTypes: Record<string, string> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  gif: 'image/gif',
  tiff: 'image/tiff',
  avif: 'image/avif',
  heif: 'image/heif',
};

export interface ServedImage {
  bytes: Buffer;
  contentType: string;
  fileName: string;
}

/**
 * An image of a review item, for someone who may see the item: the file must be one the
 * item's own posts show (the ASN's post, the reply, the post engaged with), or the campaign's
 * own image its evidence says the ASN's copies (public campaign material, shown beside the
 * copy) — so a hash seen elsewhere opens nothing. Anything else answers 404, whether it exists
 * or not.
 */
export async function itemImage(ctx: ReviewContext, scope: ItemScope, itemId: string, sha256: string, size: 'original' | 'thumb'): Promise<ServedImage> {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw httpError('mediaNotFound', { id: itemId, sha256: sha256.slice(0, 64) });
  const format = (await imageOfVisibleItem(ctx.db, scope, itemId, sha256)) ?? (await knownOriginalOfVisibleItem(ctx.db, scope, itemId, sha256));
  const bytes = format === undefined ? null : await ctx.mediaStore.get(sha256);
  if (!bytes || format === undefined) throw httpError('mediaNotFound', { id: itemId, sha256: sha256.slice(0, 64) });
  if (size === 'thumb') return { bytes: await thumbnail(bytes), contentType: 'image/jpeg', fileName: `${sha256}-thumb.jpg` };
  return { bytes, contentType: contentTypes[format] ?? 'application/octet-stream', fileName: `${sha256}.${format}` };
}

async function knownOriginalOfVisibleItem(db: Kysely<Database>, scope: ItemScope, itemId: string, sha256: string): Promise<string | undefined> {
  const row = await visibleItems(db, scope)
    .innerJoin('classifications as c', 'c.id', 'ri.classification_id')
    .innerJoin('media_objects as m', (join) => join.on('m.sha256', '=', sha256))
    .select('m.format')
    .where('ri.id', '=', itemId)
    .where(sql<boolean>`jsonb_path_exists(c.evidence, '$.items[*].knownImage.sha256 ? (@ == $sha)', jsonb_build_object('sha', ${sha256}::text))`)
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('post_media as pm')
          .innerJoin('posts as p', 'p.id', 'pm.post_id')
          .innerJoin('social_accounts as a', 'a.id', 'p.account_id')
          .select('pm.post_id')
          .where('pm.media_sha256', '=', sha256)
          .where('a.candidate_id', 'is not', null),
      ),
    )
    .executeTakeFirst();
  return row?.format;
}

async function imageOfVisibleItem(db: Kysely<Database>, scope: ItemScope, itemId: string, sha256: string): Promise<string | undefined> {
  const row = await visibleItems(db, scope)
    .leftJoin('engagements as e', 'e.id', 'ri.engagement_id')
    .innerJoin('post_media as pm', (join) =>
      join.on((eb) => eb.or([eb('pm.post_id', '=', eb.ref('ri.post_id')), eb('pm.post_id', '=', eb.ref('e.target_post_id')), eb('pm.post_id', '=', eb.ref('e.evidence_post_id'))])),
    )
    .innerJoin('media_objects as m', 'm.sha256', 'pm.media_sha256')
    .select('m.format')
    .where('ri.id', '=', itemId)
    .where('pm.media_sha256', '=', sha256)
    .limit(1)
    .executeTakeFirst();
  return row?.format;
}
