import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../connection.js';
import type { Post } from '../schema.js';

/**
 * A post's texts over time. posts.text is the first captured text and never changes; every later
 * text is a row of post_versions, whose last_seen_at moves when the post changes back to it, so
 * the newest-seen version is the one the platform shows now.
 */

/** The current text (or its SHA-256) of the post row aliased `posts`: what the classifier reads. */
export function currentPostText(posts: string): RawBuilder<string> {
  return currentColumn(posts, 'text');
}

export function currentPostSha256(posts: string): RawBuilder<string> {
  return currentColumn(posts, 'content_sha256');
}

function currentColumn(posts: string, column: 'text' | 'content_sha256'): RawBuilder<string> {
  return sql<string>`coalesce(
    (SELECT v.${sql.ref(column)} FROM post_versions v WHERE v.post_id = ${sql.ref(`${posts}.id`)}
     ORDER BY v.last_seen_at DESC, v.id DESC LIMIT 1),
    ${sql.ref(`${posts}.${column}`)})`;
}

/** One text a post has had, as captured. */
export interface PostTextVersion {
  text: string;
  content_sha256: string;
  /** When Netra first read this text. */
  first_seen_at: Date;
  /** When it last became the post's current text (a post may change back). */
  current_since: Date;
  /** When the platform says it was edited to this text, if it says. */
  edited_at: Date | null;
}

/** The version that was the post's current text at `at` (the first one if none was yet). */
export function versionCurrentAt(versions: readonly PostTextVersion[], at: Date): PostTextVersion {
  let current = versions[0]!;
  for (const version of versions) if (version.current_since <= at && version.current_since >= current.current_since) current = version;
  return current;
}

export class PostVersionRepository {
  constructor(private readonly db: Db) {}

  /** Each post's later texts (after the first captured one), in the order they were seen. */
  async laterVersions(postIds: readonly string[]): Promise<Map<string, PostTextVersion[]>> {
    const later = new Map<string, PostTextVersion[]>();
    if (postIds.length === 0) return later;
    const rows = await this.db
      .selectFrom('post_versions')
      .select(['post_id', 'text', 'content_sha256', 'first_seen_at', 'last_seen_at', 'edited_at'])
      .where('post_id', 'in', [...postIds])
      .orderBy('first_seen_at')
      .orderBy('id')
      .execute();
    for (const row of rows) {
      const version = { text: row.text, content_sha256: row.content_sha256, first_seen_at: row.first_seen_at, current_since: row.last_seen_at, edited_at: row.edited_at };
      later.set(row.post_id, [...(later.get(row.post_id) ?? []), version]);
    }
    return later;
  }
}

/** Every text a post has had: its first captured one (the post row), then the later ones. */
export function textVersionsOf(post: Pick<Post, 'text' | 'content_sha256' | 'fetched_at'>, later: readonly PostTextVersion[]): PostTextVersion[] {
  return [{ text: post.text, content_sha256: post.content_sha256, first_seen_at: post.fetched_at, current_since: post.fetched_at, edited_at: null }, ...later];
}
