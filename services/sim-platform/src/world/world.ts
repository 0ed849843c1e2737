import { compareIds, SnowflakeGenerator } from './snowflake.js';
import type { GroundTruth, NewAccount, NewStatus, SimAccount, SimFavourite, SimStatus, SimWebPage } from './types.js';
import type { ViolationCode } from '@netra/core';

/** A request to change the world that cannot be honoured (unknown account, reply to nothing...). */
export class SimWorldError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SimWorldError';
  }
}

/** Mastodon's username rule: letters, digits, underscores, with dots or dashes only inside. */
const usernamePattern = /^[a-z0-9_]+([a-z0-9_.-]+[a-z0-9_]+)?$/i;

const newestFirst = <T extends { id: string }>(a: T, b: T) => compareIds(b.id, a.id);

export interface WorldOptions {
  /** The instance's domain, used in account and status URLs. */
  domain?: string;
  /** Time of a change made without an explicit time (live /sim calls). */
  now?: () => Date;
}

/**
 * The in-memory state of one simulated Mastodon instance: accounts, statuses, favourites, and the
 * ground-truth labels of monitored accounts' activity. The HTTP layer only reads it (Mastodon API)
 * or calls these methods (/sim API), so tests can use either.
 */
export class World {
  readonly domain: string;
  /** Where image files are served: the sim's own address once it listens (see startSimPlatform). */
  mediaOrigin: string;
  private readonly now: () => Date;
  private readonly ids = new SnowflakeGenerator();
  private readonly accountsById = new Map<string, SimAccount>();
  private readonly accountsByUsername = new Map<string, SimAccount>();
  private readonly statusesById = new Map<string, SimStatus>();
  private readonly statusesByAccount = new Map<string, SimStatus[]>();
  private readonly reblogsByStatus = new Map<string, SimStatus[]>();
  private readonly repliesByStatus = new Map<string, SimStatus[]>();
  private readonly favouritesByStatus = new Map<string, SimFavourite[]>();
  private readonly labels: GroundTruth[] = [];

  constructor(options: WorldOptions = {}) {
    this.domain = options.domain ?? 'sim.netra.test';
    this.mediaOrigin = `https://${this.domain}`;
    this.now = options.now ?? (() => new Date());
  }

  createAccount(input: NewAccount): SimAccount {
    if (!usernamePattern.test(input.username)) throw new SimWorldError(`invalid username "${input.username}"`);
    const key = input.username.toLowerCase();
    if (this.accountsByUsername.has(key)) throw new SimWorldError(`username "${input.username}" is taken`);
    const createdAt = input.createdAt ?? this.now();
    const account: SimAccount = {
      id: this.ids.next(createdAt),
      username: input.username,
      displayName: input.displayName,
      note: input.note ?? '',
      createdAt,
      locked: input.locked ?? false,
      bot: input.bot ?? false,
      suspended: false,
      protectedPosts: false,
    };
    this.accountsById.set(account.id, account);
    this.accountsByUsername.set(key, account);
    return account;
  }

  suspend(acct: string): void {
    this.requireAccount(acct).suspended = true;
  }

  /** Hides the account's posts from the public, as X's "protected" setting does. */
  protect(acct: string): void {
    this.requireAccount(acct).protectedPosts = true;
  }

  /** Changes the account's username; its id stays, as on every platform. */
  rename(acct: string, newUsername: string): void {
    const account = this.requireAccount(acct);
    if (!usernamePattern.test(newUsername)) throw new SimWorldError(`invalid username "${newUsername}"`);
    if (this.accountsByUsername.has(newUsername.toLowerCase())) throw new SimWorldError(`username "${newUsername}" is taken`);
    this.accountsByUsername.delete(account.username.toLowerCase());
    account.username = newUsername;
    this.accountsByUsername.set(newUsername.toLowerCase(), account);
  }

  private readonly webPages = new Map<string, SimWebPage>();

  /** Publishes a public web page at this path (report capture reads it). */
  publishWebPage(path: string, page: SimWebPage): void {
    this.webPages.set(path, page);
  }

  webPage(path: string): SimWebPage | undefined {
    return this.webPages.get(path);
  }

  /** Where an attached image's file is served (GET /media/:statusId/:index on the sim). */
  mediaUrl(status: SimStatus, index: number, size: 'original' | 'small' = 'original'): string {
    return `${this.mediaOrigin}/media/${status.id}/${index}${size === 'small' ? '?size=small' : ''}`;
  }

  /** Resolves 'user' or 'user@this-domain' (case-insensitive), as Mastodon's lookup does for local accounts. */
  findAccount(acct: string): SimAccount | undefined {
    const [username, domain] = acct.replace(/^@/, '').split('@');
    if (domain !== undefined && domain.toLowerCase() !== this.domain) return undefined;
    return this.accountsByUsername.get((username ?? '').toLowerCase());
  }

  account(id: string): SimAccount | undefined {
    return this.accountsById.get(id);
  }

  accounts(): SimAccount[] {
    return [...this.accountsById.values()];
  }

  post(input: NewStatus): SimStatus {
    const author = this.requireAccount(input.acct);
    const createdAt = input.createdAt ?? this.now();
    const text = input.text ?? '';
    let reblogOfId: string | null = null;
    let inReplyToId: string | null = null;
    if (input.reblogOfId) {
      // Boosting a boost boosts the original, as on Mastodon.
      const target = this.requireStatus(input.reblogOfId);
      const original = target.reblogOfId ? this.requireStatus(target.reblogOfId) : target;
      this.requireNotBefore(createdAt, original.createdAt, 'a reblog');
      if (text) throw new SimWorldError('a reblog has no text of its own');
      const existing = this.reblogsByStatus.get(original.id)?.find((s) => s.accountId === author.id);
      if (existing) return existing;
      reblogOfId = original.id;
    } else if (!text.trim() && !input.mediaDescriptions?.length && !input.media?.length) {
      throw new SimWorldError('a status needs text or media');
    }
    const quoteOfId = input.quoteOfId ? this.requireStatus(input.quoteOfId).id : null;
    if (quoteOfId && reblogOfId) throw new SimWorldError('a reblog cannot quote');
    if (input.inReplyToId) {
      if (reblogOfId) throw new SimWorldError('a reblog cannot be a reply');
      const parent = this.requireStatus(input.inReplyToId);
      this.requireNotBefore(createdAt, parent.createdAt, 'a reply');
      inReplyToId = parent.id;
    }
    const id = this.ids.next(createdAt);
    const status: SimStatus = {
      id,
      accountId: author.id,
      text,
      createdAt,
      editedAt: null,
      inReplyToId,
      reblogOfId,
      quoteOfId,
      media: [
        ...(input.mediaDescriptions ?? []).map((description, index) => ({ description, content: { scene: Number(BigInt(id) % 100_000n) + index } })),
        ...(input.media ?? []).map(({ description = '', content }) => ({ description, content })),
      ],
    };
    this.statusesById.set(status.id, status);
    insertNewestFirst(this.statusesByAccount, author.id, status);
    if (reblogOfId) insertNewestFirst(this.reblogsByStatus, reblogOfId, status);
    if (inReplyToId) insertNewestFirst(this.repliesByStatus, inReplyToId, status);
    if (input.label) this.labels.push({ subject: { kind: 'status', statusId: status.id }, acct: author.username, ...input.label });
    return status;
  }

  /** Likes a status; liking twice keeps the first like, as Mastodon does. */
  favourite(input: { acct: string; statusId: string; createdAt?: Date; label?: { codes: ViolationCode[]; note?: string } }): SimFavourite {
    const account = this.requireAccount(input.acct);
    const status = this.requireStatus(input.statusId);
    const existing = this.favouritesByStatus.get(status.id)?.find((f) => f.accountId === account.id);
    if (existing) return existing;
    const createdAt = input.createdAt ?? this.now();
    this.requireNotBefore(createdAt, status.createdAt, 'a favourite');
    const favourite: SimFavourite = { id: this.ids.next(createdAt), accountId: account.id, statusId: status.id, createdAt };
    insertNewestFirst(this.favouritesByStatus, status.id, favourite);
    if (input.label) {
      this.labels.push({ subject: { kind: 'favourite', favouriteId: favourite.id, statusId: status.id }, acct: account.username, ...input.label });
    }
    return favourite;
  }

  /** Edits a status's text in place (same id), stamping editedAt, as Mastodon's edit does. */
  edit(statusId: string, text: string, at: Date = this.now()): SimStatus {
    const status = this.requireStatus(statusId);
    if (status.reblogOfId) throw new SimWorldError('a reblog cannot be edited');
    if (!text.trim()) throw new SimWorldError('an edit needs text');
    status.text = text;
    status.editedAt = at;
    return status;
  }

  /** Deletes a status: it disappears from every list and its id answers "not found". */
  delete(statusId: string): void {
    const status = this.requireStatus(statusId);
    this.statusesById.delete(status.id);
    const remove = (index: Map<string, SimStatus[]>, key: string | null) => {
      if (key === null) return;
      index.set(
        key,
        (index.get(key) ?? []).filter((s) => s.id !== status.id),
      );
    };
    remove(this.statusesByAccount, status.accountId);
    remove(this.reblogsByStatus, status.reblogOfId);
    remove(this.repliesByStatus, status.inReplyToId);
  }

  status(id: string): SimStatus | undefined {
    return this.statusesById.get(id);
  }

  statuses(): SimStatus[] {
    return [...this.statusesById.values()].sort(newestFirst);
  }

  /** Newest first, as every Mastodon list is. */
  statusesBy(accountId: string): readonly SimStatus[] {
    return this.statusesByAccount.get(accountId) ?? [];
  }

  favouritesOf(statusId: string): readonly SimFavourite[] {
    return this.favouritesByStatus.get(statusId) ?? [];
  }

  reblogsOf(statusId: string): readonly SimStatus[] {
    return this.reblogsByStatus.get(statusId) ?? [];
  }

  repliesTo(statusId: string): readonly SimStatus[] {
    return this.repliesByStatus.get(statusId) ?? [];
  }

  groundTruth(): readonly GroundTruth[] {
    return this.labels;
  }

  private requireAccount(acct: string): SimAccount {
    const account = this.findAccount(acct);
    if (!account) throw new SimWorldError(`no account "${acct}"`);
    return account;
  }

  private requireStatus(id: string): SimStatus {
    const status = this.statusesById.get(id);
    if (!status) throw new SimWorldError(`no status ${id}`);
    return status;
  }

  private requireNotBefore(at: Date, target: Date, what: string): void {
    if (at < target) throw new SimWorldError(`${what} cannot be older than the status it points to`);
  }
}

function insertNewestFirst<T extends { id: string }>(index: Map<string, T[]>, key: string, item: T): void {
  const list = index.get(key) ?? [];
  list.push(item);
  list.sort(newestFirst);
  index.set(key, list);
}
