import type { AccountRef, NormalisedPost, PostMedia } from '../types.js';
import { blueskyProfile, imageEmbed, imagesView, postRecord, strongRef, videoView, type BlueskyFeedItem, type BlueskyPostView, type BlueskyProfile } from './schemas.js';

const webBase = 'https://bsky.app';

export function toAccountRef(profile: BlueskyProfile): AccountRef {
  return { platformAccountId: profile.did, handle: profile.handle, displayName: profile.displayName ?? '', url: `${webBase}/profile/${profile.handle}` };
}

/** createdAt is written by the client and can lie: the earlier of it and indexedAt, as the AppView sorts. */
function postedAt(createdAt: string, indexedAt: string): Date {
  return new Date(Math.min(Date.parse(createdAt), Date.parse(indexedAt)));
}

const isQuoteEmbed = (type: string | undefined) => type === 'app.bsky.embed.record' || type === 'app.bsky.embed.recordWithMedia';

/** Alt texts of the record's images, whether alone or next to a quoted record. */
function altTexts(embed: Record<string, unknown> | undefined): string[] {
  const media = embed?.$type === 'app.bsky.embed.recordWithMedia' ? (embed.media as unknown) : embed;
  const images = imageEmbed.safeParse(media);
  return images.success ? images.data.images.map((image) => image.alt?.trim() ?? '').filter(Boolean) : [];
}

/** The view's images (beside a quoted record too) and a video's still, with their CDN addresses. */
function viewMedia(embed: Record<string, unknown> | undefined): PostMedia[] {
  const media = embed?.$type === 'app.bsky.embed.recordWithMedia#view' ? (embed.media as unknown) : embed;
  const images = imagesView.safeParse(media);
  if (images.success) return images.data.images.map((image) => ({ kind: 'image', url: image.fullsize, description: image.alt?.trim() || null }));
  const video = videoView.safeParse(media);
  return video.success && video.data.thumbnail ? [{ kind: 'video_preview', url: video.data.thumbnail, description: video.data.alt?.trim() || null }] : [];
}

/** The quoted post as the view embeds it (`viewRecord`), when the AppView still serves it. */
function quotedPost(view: BlueskyPostView): NormalisedPost | null {
  const embed = view.embed as { $type?: string; record?: { $type?: string; record?: unknown } } | undefined;
  const viewRecord = embed?.$type === 'app.bsky.embed.recordWithMedia#view' ? embed.record?.record : embed?.record;
  const candidate = viewRecord as { $type?: string; uri?: unknown; cid?: unknown; author?: unknown; value?: unknown; indexedAt?: unknown } | undefined;
  if (candidate?.$type !== 'app.bsky.embed.record#viewRecord') return null;
  const ref = strongRef.safeParse(candidate);
  const author = blueskyProfile.safeParse(candidate.author);
  const record = postRecord.safeParse(candidate.value);
  if (!ref.success || !author.success || !record.success || typeof candidate.indexedAt !== 'string') return null;
  return normalisePostView({ uri: ref.data.uri, cid: ref.data.cid ?? '', author: author.data, record: record.data, indexedAt: candidate.indexedAt });
}

export function postUrl(uri: string, handle: string): string {
  return `${webBase}/profile/${handle}/post/${uri.split('/').pop()}`;
}

export function normalisePostView(view: BlueskyPostView): NormalisedPost {
  const { record } = view;
  const quoteOf = quotedPost(view);
  const quotes = isQuoteEmbed(record.embed?.$type);
  return {
    platform: 'bluesky',
    platformPostId: view.uri,
    author: toAccountRef(view.author),
    kind: record.reply ? 'reply' : quotes ? 'quote' : 'post',
    text: [record.text.trim(), ...altTexts(record.embed)].filter(Boolean).join('\n\n'),
    url: postUrl(view.uri, view.author.handle),
    postedAt: postedAt(record.createdAt, view.indexedAt),
    editedAt: null,
    inReplyToPlatformId: record.reply?.parent.uri ?? null,
    repostOf: null,
    quoteOf,
    metrics: { likes: view.likeCount ?? null, shares: view.repostCount ?? null, replies: view.replyCount ?? null },
    media: viewMedia(view.embed),
    raw: view,
  };
}

const isRepost = (item: BlueskyFeedItem) => item.reason?.$type === 'app.bsky.feed.defs#reasonRepost' && item.reason.by !== undefined;
export const isPinned = (item: BlueskyFeedItem) => item.reason?.$type === 'app.bsky.feed.defs#reasonPin';

/** An author-feed item: the author's own post, or their repost of someone's (reason = repost). */
export function normaliseFeedItem(item: BlueskyFeedItem): NormalisedPost {
  const original = normalisePostView(item.post);
  if (!isRepost(item)) return { ...original, raw: item };
  const by = item.reason!.by!;
  const at = item.reason!.indexedAt ?? item.post.indexedAt;
  return {
    platform: 'bluesky',
    // Older AppViews omit the repost record's URI: then a stable stand-in from who and what.
    platformPostId: item.reason!.uri ?? `at://${by.did}/app.bsky.feed.repost/of:${encodeURIComponent(item.post.uri)}`,
    author: toAccountRef(by),
    kind: 'repost',
    text: '',
    url: null,
    postedAt: new Date(at),
    editedAt: null,
    inReplyToPlatformId: null,
    repostOf: original,
    quoteOf: null,
    metrics: null,
    media: [],
    raw: item,
  };
}

/** Where an item sits in the author's feed: its cursor key, ordered as (time, uri). */
export function feedKey(item: BlueskyFeedItem): string {
  const at = isRepost(item) && item.reason!.indexedAt ? new Date(item.reason!.indexedAt) : postedAt(item.post.record.createdAt, item.post.indexedAt);
  return `${at.toISOString()} ${normaliseFeedItem(item).platformPostId}`;
}
