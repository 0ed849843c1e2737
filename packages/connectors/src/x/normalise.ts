import type { AccountRef, NormalisedPost, PostMedia } from '../types.js';
import type { XIncludes, XTweet, XUser } from './schemas.js';

export function toAccountRef(user: XUser): AccountRef {
  return { platformAccountId: user.id, handle: user.username, displayName: user.name, url: `https://x.com/${user.username}` };
}

/**
 * A tweet as a NormalisedPost, with its referenced tweets and authors from `includes`. An edit
 * gets a new tweet id on X; the first id of `edit_history_tweet_ids` is the post's stable id, so
 * every edit lands as a version of the same post.
 */
export function normaliseTweet(tweet: XTweet, includes: XIncludes): NormalisedPost {
  const users = new Map((includes?.users ?? []).map((u) => [u.id, u]));
  const tweets = new Map((includes?.tweets ?? []).map((t) => [t.id, t]));
  const reference = (type: 'retweeted' | 'replied_to' | 'quoted') => tweet.referenced_tweets?.find((r) => r.type === type)?.id ?? null;
  const referenced = (type: 'retweeted' | 'quoted') => {
    const found = tweets.get(reference(type) ?? '');
    return found ? normaliseTweet(found, includes) : null;
  };
  const author = users.get(tweet.author_id);
  const authorRef = author ? toAccountRef(author) : { platformAccountId: tweet.author_id, handle: tweet.author_id, displayName: '', url: null };
  const stableId = tweet.edit_history_tweet_ids?.[0] ?? tweet.id;
  const base = {
    platform: 'x' as const,
    platformPostId: stableId,
    author: authorRef,
    url: `https://x.com/${author?.username ?? 'i'}/status/${stableId}`,
    postedAt: new Date(tweet.created_at),
    editedAt: tweet.id !== stableId ? new Date(tweet.created_at) : null,
    raw: tweet,
  };
  if (reference('retweeted')) {
    return { ...base, kind: 'repost', text: '', inReplyToPlatformId: null, repostOf: referenced('retweeted'), quoteOf: null, metrics: null, media: [] };
  }
  const mediaByKey = new Map((includes?.media ?? []).map((m) => [m.media_key, m]));
  const attached = (tweet.attachments?.media_keys ?? []).flatMap((key) => mediaByKey.get(key) ?? []);
  const alts = attached.map((m) => m.alt_text?.trim() ?? '').filter(Boolean);
  const inReplyTo = reference('replied_to');
  const quoted = reference('quoted');
  return {
    ...base,
    kind: inReplyTo ? 'reply' : quoted ? 'quote' : 'post',
    text: [tweet.text.trim(), ...alts].filter(Boolean).join('\n\n'),
    inReplyToPlatformId: inReplyTo,
    repostOf: null,
    quoteOf: quoted ? referenced('quoted') : null,
    metrics: {
      likes: tweet.public_metrics?.like_count ?? null,
      shares: tweet.public_metrics?.retweet_count ?? null,
      replies: tweet.public_metrics?.reply_count ?? null,
    },
    media: attached.flatMap((m): PostMedia[] => {
      const description = m.alt_text?.trim() || null;
      if (m.type === 'photo' && m.url) return [{ kind: 'image', url: m.url, description }];
      return m.preview_image_url ? [{ kind: 'video_preview', url: m.preview_image_url, description }] : [];
    }),
  };
}
