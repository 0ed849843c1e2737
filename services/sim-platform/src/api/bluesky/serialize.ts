import type { SimAccount, SimStatus } from '../../world/types.js';
import type { World } from '../../world/world.js';
import { blueskyCid, blueskyDid, blueskyHandle, blueskyUri } from './identity.js';

/** Views in the shapes of the public AppView's lexicons (app.bsky.actor.defs, app.bsky.feed.defs). */
export function profileView(world: World, account: SimAccount): Record<string, unknown> {
  return {
    did: blueskyDid(account),
    handle: blueskyHandle(world, account),
    displayName: account.displayName,
    avatar: `https://cdn.${world.domain}/avatar/${account.id}.jpg`,
    createdAt: account.createdAt.toISOString(),
    labels: [],
  };
}

export function profileViewDetailed(world: World, account: SimAccount): Record<string, unknown> {
  return {
    ...profileView(world, account),
    description: account.note,
    postsCount: world.statusesBy(account.id).length,
    followersCount: 0,
    followsCount: 0,
    indexedAt: account.createdAt.toISOString(),
  };
}

const strongRef = (world: World, status: SimStatus) => ({ uri: blueskyUri(world, status), cid: blueskyCid(status) });

/** The thread root: the first ancestor, or the status itself. */
function rootOf(world: World, status: SimStatus): SimStatus {
  let root = status;
  for (let parent = status.inReplyToId ? world.status(status.inReplyToId) : undefined; parent; parent = parent.inReplyToId ? world.status(parent.inReplyToId) : undefined) {
    root = parent;
  }
  return root;
}

/** The app.bsky.feed.post record as its author wrote it. */
export function postRecord(world: World, status: SimStatus): Record<string, unknown> {
  const parent = status.inReplyToId ? world.status(status.inReplyToId) : undefined;
  const quoted = status.quoteOfId ? world.status(status.quoteOfId) : undefined;
  const images = status.media.length
    ? { $type: 'app.bsky.embed.images', images: status.media.map(({ description: alt }, i) => ({ alt, image: { $type: 'blob', ref: { $link: `bafkrei${status.id}${i}` }, mimeType: 'image/jpeg', size: 1000 } })) }
    : undefined;
  const quote = quoted ? { $type: 'app.bsky.embed.record', record: strongRef(world, quoted) } : undefined;
  const embed = images && quote ? { $type: 'app.bsky.embed.recordWithMedia', record: quote, media: images } : (images ?? quote);
  return {
    $type: 'app.bsky.feed.post',
    text: status.text,
    createdAt: status.createdAt.toISOString(),
    langs: ['id'],
    ...(parent ? { reply: { root: strongRef(world, rootOf(world, parent)), parent: strongRef(world, parent) } } : {}),
    ...(embed ? { embed } : {}),
  };
}

export function postView(world: World, status: SimStatus): Record<string, unknown> {
  const quoted = status.quoteOfId ? world.status(status.quoteOfId) : undefined;
  const quotedView = quoted
    ? {
        $type: 'app.bsky.embed.record#viewRecord',
        uri: blueskyUri(world, quoted),
        cid: blueskyCid(quoted),
        author: profileView(world, world.account(quoted.accountId)!),
        value: postRecord(world, quoted),
        indexedAt: quoted.createdAt.toISOString(),
      }
    : status.quoteOfId
      ? { $type: 'app.bsky.embed.record#viewNotFound', uri: `at://deleted/app.bsky.feed.post/${status.quoteOfId}`, notFound: true }
      : undefined;
  return {
    uri: blueskyUri(world, status),
    cid: blueskyCid(status),
    author: profileView(world, world.account(status.accountId)!),
    record: postRecord(world, status),
    ...embedView(world, status, quotedView),
    replyCount: world.repliesTo(status.id).length,
    repostCount: world.reblogsOf(status.id).length,
    likeCount: world.favouritesOf(status.id).length,
    quoteCount: 0,
    indexedAt: (status.editedAt ?? status.createdAt).toISOString(),
    labels: [],
  };
}

/** The hydrated embed (app.bsky.embed.*#view): images with their CDN addresses, the quoted record, or both. */
function embedView(world: World, status: SimStatus, quotedView: Record<string, unknown> | undefined): { embed?: Record<string, unknown> } {
  const images = status.media.length
    ? {
        $type: 'app.bsky.embed.images#view',
        images: status.media.map(({ description: alt }, i) => ({ thumb: world.mediaUrl(status, i, 'small'), fullsize: world.mediaUrl(status, i), alt })),
      }
    : undefined;
  const quote = quotedView ? { $type: 'app.bsky.embed.record#view', record: quotedView } : undefined;
  if (images && quote) return { embed: { $type: 'app.bsky.embed.recordWithMedia#view', record: quote, media: images } };
  const embed = images ?? quote;
  return embed ? { embed } : {};
}

/** An author-feed item: the post, its reply context, and the repost reason when it is a repost. */
export function feedViewPost(world: World, status: SimStatus): Record<string, unknown> | undefined {
  if (status.reblogOfId) {
    const original = world.status(status.reblogOfId);
    if (!original) return undefined;
    return {
      post: postView(world, original),
      reason: {
        $type: 'app.bsky.feed.defs#reasonRepost',
        by: profileView(world, world.account(status.accountId)!),
        uri: blueskyUri(world, status),
        cid: blueskyCid(status),
        indexedAt: status.createdAt.toISOString(),
      },
    };
  }
  const parent = status.inReplyToId ? world.status(status.inReplyToId) : undefined;
  return {
    post: postView(world, status),
    ...(parent ? { reply: { root: postView(world, rootOf(world, parent)), parent: postView(world, parent) } } : {}),
  };
}

/** A threadViewPost with its replies, depth levels down. */
export function threadView(world: World, status: SimStatus, depth: number): Record<string, unknown> {
  const replies = depth > 0 ? [...world.repliesTo(status.id)].reverse().map((reply) => threadView(world, reply, depth - 1)) : undefined;
  return { $type: 'app.bsky.feed.defs#threadViewPost', post: postView(world, status), ...(replies ? { replies } : {}) };
}
