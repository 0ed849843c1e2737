import { z } from 'zod';

/**
 * The parts of the AppView's lexicons (app.bsky.actor.defs, app.bsky.feed.defs) Netra relies on.
 * Objects are loose and nothing is defaulted, so a parsed body is the body as received.
 */
const isoDate = z.string().refine((value) => !Number.isNaN(Date.parse(value)), 'must be a date');
const atUri = z.string().regex(/^at:\/\/[^/]+\/[^/]+\/[^/]+$/, 'must be an at:// URI');

export const blueskyProfile = z.looseObject({
  did: z.string().regex(/^did:[a-z]+:\S+$/, 'must be a DID'),
  handle: z.string().min(1),
  displayName: z.string().optional(),
});
export type BlueskyProfile = z.infer<typeof blueskyProfile>;

const strongRef = z.looseObject({ uri: atUri, cid: z.string().optional() });
const imageEmbed = z.looseObject({ images: z.array(z.looseObject({ alt: z.string().optional() })) });
// The AppView's hydrated embeds (app.bsky.embed.images#view, app.bsky.embed.video#view): the
// record holds only blob refs, the view the CDN addresses of each image and a video's still.
export const imagesView = z.looseObject({
  $type: z.literal('app.bsky.embed.images#view'),
  images: z.array(z.looseObject({ fullsize: z.string(), alt: z.string().optional() })),
});
export const videoView = z.looseObject({ $type: z.literal('app.bsky.embed.video#view'), thumbnail: z.string().optional(), alt: z.string().optional() });

export const postRecord = z.looseObject({
  text: z.string(),
  createdAt: isoDate,
  reply: z.looseObject({ root: strongRef, parent: strongRef }).optional(),
  // Images, a quoted record, or both (recordWithMedia): read defensively in normalise.ts.
  embed: z.looseObject({ $type: z.string() }).optional(),
});
export type BlueskyPostRecord = z.infer<typeof postRecord>;
export { imageEmbed, strongRef };

export const postView = z.looseObject({
  uri: atUri,
  cid: z.string(),
  author: blueskyProfile,
  record: postRecord,
  embed: z.looseObject({ $type: z.string() }).optional(),
  likeCount: z.number().int().nonnegative().optional(),
  repostCount: z.number().int().nonnegative().optional(),
  replyCount: z.number().int().nonnegative().optional(),
  indexedAt: isoDate,
});
export type BlueskyPostView = z.infer<typeof postView>;

export const feedViewPost = z.looseObject({
  post: postView,
  reason: z.looseObject({ $type: z.string(), by: blueskyProfile.optional(), indexedAt: isoDate.optional(), uri: atUri.optional() }).optional(),
});
export type BlueskyFeedItem = z.infer<typeof feedViewPost>;

export const authorFeed = z.looseObject({ cursor: z.string().optional(), feed: z.array(feedViewPost) });
export const likes = z.looseObject({
  cursor: z.string().optional(),
  likes: z.array(z.looseObject({ actor: blueskyProfile, createdAt: isoDate.optional(), indexedAt: isoDate.optional() })),
});
export const repostedBy = z.looseObject({ cursor: z.string().optional(), repostedBy: z.array(blueskyProfile) });
/** A thread's direct replies; blocked or missing entries (no `post`) are skipped. */
export const postThread = z.looseObject({
  thread: z.looseObject({ post: postView, replies: z.array(z.looseObject({ post: postView.optional() })).optional() }),
});
export const posts = z.looseObject({ posts: z.array(postView) });
