import { renderContent } from '../world/render-content.js';
import type { SimAccount, SimStatus } from '../world/types.js';
import type { World } from '../world/world.js';

/**
 * Entities in the JSON shapes of Mastodon's REST API (v4.x), as an unauthenticated client sees
 * them. Only the sim's own fields are filled; the rest carry Mastodon's defaults so clients that
 * parse real responses parse these too.
 */
const dateOnly = (at: Date) => `${at.toISOString().slice(0, 10)}T00:00:00.000Z`;

export function serializeAccount(world: World, account: SimAccount): Record<string, unknown> {
  const url = `https://${world.domain}/@${account.username}`;
  const statuses = world.statusesBy(account.id);
  const base = {
    id: account.id,
    username: account.username,
    acct: account.username,
    url,
    uri: `https://${world.domain}/users/${account.username}`,
    created_at: dateOnly(account.createdAt),
    locked: account.locked,
    bot: account.bot,
    discoverable: true,
    group: false,
    avatar: `https://${world.domain}/avatars/original/missing.png`,
    avatar_static: `https://${world.domain}/avatars/original/missing.png`,
    header: `https://${world.domain}/headers/original/missing.png`,
    header_static: `https://${world.domain}/headers/original/missing.png`,
    emojis: [],
    fields: [],
  };
  // A suspended account is still found, but with its profile blanked, as Mastodon does.
  if (account.suspended) {
    return { ...base, display_name: '', note: '', suspended: true, followers_count: 0, following_count: 0, statuses_count: 0, last_status_at: null };
  }
  return {
    ...base,
    display_name: account.displayName,
    note: renderContent(account.note, mentionContext(world)).html,
    followers_count: 0,
    following_count: 0,
    statuses_count: statuses.length,
    last_status_at: statuses[0] ? statuses[0].createdAt.toISOString().slice(0, 10) : null,
  };
}

export function serializeStatus(world: World, status: SimStatus): Record<string, unknown> {
  const author = world.account(status.accountId)!;
  const original = status.reblogOfId ? world.status(status.reblogOfId) : undefined;
  const statusUri = `https://${world.domain}/users/${author.username}/statuses/${status.id}`;
  const common = {
    id: status.id,
    created_at: status.createdAt.toISOString(),
    sensitive: false,
    spoiler_text: '',
    visibility: 'public',
    edited_at: status.editedAt?.toISOString() ?? null,
    account: serializeAccount(world, author),
    emojis: [],
    card: null,
    poll: null,
  };
  if (original) {
    return {
      ...common,
      in_reply_to_id: null,
      in_reply_to_account_id: null,
      language: null,
      uri: `${statusUri}/activity`,
      url: `${statusUri}/activity`,
      replies_count: 0,
      reblogs_count: 0,
      favourites_count: 0,
      content: '',
      reblog: serializeStatus(world, original),
      media_attachments: [],
      mentions: [],
      tags: [],
    };
  }
  const rendered = renderContent(status.text, mentionContext(world));
  const parent = status.inReplyToId ? world.status(status.inReplyToId) : undefined;
  const quoted = status.quoteOfId ? world.status(status.quoteOfId) : undefined;
  return {
    ...common,
    // Mastodon 4.4's quote posts: the quoted status, or its state once it is gone.
    quote: status.quoteOfId
      ? quoted
        ? { state: 'accepted', quoted_status: serializeStatus(world, quoted) }
        : { state: 'deleted', quoted_status: null }
      : null,
    in_reply_to_id: parent?.id ?? null,
    in_reply_to_account_id: parent?.accountId ?? null,
    language: 'id',
    uri: statusUri,
    url: `https://${world.domain}/@${author.username}/${status.id}`,
    replies_count: world.repliesTo(status.id).length,
    reblogs_count: world.reblogsOf(status.id).length,
    favourites_count: world.favouritesOf(status.id).length,
    content: rendered.html,
    reblog: null,
    media_attachments: status.media.map(({ description }, index) => ({
      id: `${status.id}${index}`,
      type: 'image',
      url: world.mediaUrl(status, index),
      preview_url: world.mediaUrl(status, index, 'small'),
      remote_url: null,
      meta: {},
      description,
      blurhash: null,
    })),
    mentions: rendered.mentions.map((username) => {
      const account = world.findAccount(username)!;
      return { id: account.id, username, acct: username, url: `https://${world.domain}/@${username}` };
    }),
    tags: rendered.tags.map((name) => ({ name: name.toLowerCase(), url: `https://${world.domain}/tags/${encodeURIComponent(name.toLowerCase())}` })),
  };
}

function mentionContext(world: World) {
  return { domain: world.domain, resolveUsername: (username: string) => world.findAccount(username)?.username };
}
