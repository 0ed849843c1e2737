import type { AccountRef, NormalisedPost, PostMedia } from '../types.js';
import { htmlToText } from '../html-to-text.js';
import type { MastodonAccount, MastodonMediaAttachment, MastodonOriginalStatus, MastodonQuotedStatus, MastodonStatus } from './schemas.js';

export function toAccountRef(account: MastodonAccount): AccountRef {
  return { platformAccountId: account.id, handle: account.acct, displayName: account.display_name, url: account.url ?? null };
}

/**
 * A status as Netra's NormalisedPost. The text is what a reader sees: the content warning, the
 * content as text, then each image's alt text (a caption can say "foto bersama paslon" when the
 * post itself says nothing).
 */
export function normaliseStatus(status: MastodonStatus | MastodonOriginalStatus | MastodonQuotedStatus): NormalisedPost {
  const { reblog = null, quote = null } = status as Partial<Pick<MastodonStatus, 'reblog' | 'quote'>>;
  const quoted = quote?.quoted_status ?? null;
  const base = {
    platform: 'mastodon' as const,
    platformPostId: status.id,
    author: toAccountRef(status.account),
    url: status.url ?? status.uri,
    postedAt: new Date(status.created_at),
    editedAt: status.edited_at ? new Date(status.edited_at) : null,
    metrics: {
      likes: status.favourites_count ?? null,
      shares: status.reblogs_count ?? null,
      replies: status.replies_count ?? null,
    },
    raw: status,
  };
  if (reblog) return { ...base, kind: 'repost', text: '', inReplyToPlatformId: null, repostOf: normaliseStatus(reblog), quoteOf: null, media: [] };
  return {
    ...base,
    kind: status.in_reply_to_id ? 'reply' : quoted ? 'quote' : 'post',
    text: visibleText(status),
    inReplyToPlatformId: status.in_reply_to_id,
    repostOf: null,
    quoteOf: quoted ? normaliseStatus(quoted) : null,
    media: (status.media_attachments ?? []).flatMap(toPostMedia),
  };
}

/** An image as itself, a video or gifv by its preview still; audio and unknown files show nothing. */
function toPostMedia(attachment: MastodonMediaAttachment): PostMedia[] {
  const description = attachment.description?.trim() || null;
  if (attachment.type === 'image') {
    const url = attachment.url ?? attachment.remote_url;
    return url ? [{ kind: 'image', url, description }] : [];
  }
  if ((attachment.type === 'video' || attachment.type === 'gifv') && attachment.preview_url) return [{ kind: 'video_preview', url: attachment.preview_url, description }];
  return [];
}

function visibleText(status: Pick<MastodonOriginalStatus, 'spoiler_text' | 'content' | 'media_attachments'>): string {
  const altTexts = (status.media_attachments ?? []).map((media) => media.description?.trim()).filter((text): text is string => !!text);
  return [status.spoiler_text?.trim(), htmlToText(status.content), ...altTexts].filter(Boolean).join('\n\n');
}
