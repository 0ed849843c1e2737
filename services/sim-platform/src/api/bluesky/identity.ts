import { createHash } from 'node:crypto';
import type { SimAccount, SimStatus } from '../../world/types.js';
import type { World } from '../../world/world.js';

/**
 * How the sim's accounts and statuses appear on its Bluesky face: a DID per account (stable when
 * the handle changes), a domain handle, at:// URIs with a record key derived from the status id,
 * and a CID that changes when the record's text does (so an edit is visible as a new CID).
 */
export const blueskyDid = (account: SimAccount) => `did:plc:sim${BigInt(account.id).toString(36)}`;
export const blueskyHandle = (world: World, account: SimAccount) => `${account.username.toLowerCase()}.${world.domain}`;

const recordKey = (status: SimStatus) => BigInt(status.id).toString(36);

export function blueskyUri(world: World, status: SimStatus): string {
  const author = world.account(status.accountId)!;
  const collection = status.reblogOfId ? 'app.bsky.feed.repost' : 'app.bsky.feed.post';
  return `at://${blueskyDid(author)}/${collection}/${recordKey(status)}`;
}

export function blueskyCid(status: SimStatus): string {
  return `bafyrei${createHash('sha256').update(`${status.id}\n${status.text}`).digest('hex').slice(0, 52)}`;
}

/** The account named by a DID or a handle, as the AppView's `actor` parameter accepts either. */
export function findActor(world: World, actor: string): SimAccount | undefined {
  if (actor.startsWith('did:plc:sim')) {
    const id = parseBase36(actor.slice('did:plc:sim'.length));
    return id === undefined ? undefined : world.account(id);
  }
  const suffix = `.${world.domain}`;
  return actor.toLowerCase().endsWith(suffix) ? world.findAccount(actor.slice(0, -suffix.length)) : undefined;
}

/** The status an at:// URI names, if its author and collection match. */
export function findByUri(world: World, uri: string): SimStatus | undefined {
  const match = /^at:\/\/([^/]+)\/(app\.bsky\.feed\.(?:post|repost))\/([0-9a-z]+)$/.exec(uri);
  if (!match) return undefined;
  const author = findActor(world, match[1]!);
  const id = parseBase36(match[3]!);
  const status = id === undefined ? undefined : world.status(id);
  if (!author || !status || status.accountId !== author.id) return undefined;
  return blueskyUri(world, status) === uri ? status : undefined;
}

function parseBase36(text: string): string | undefined {
  if (!/^[0-9a-z]+$/.test(text)) return undefined;
  let value = 0n;
  for (const char of text) value = value * 36n + BigInt(Number.parseInt(char, 36));
  return value.toString();
}
