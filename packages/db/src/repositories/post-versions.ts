import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../connection.js';

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

  /** Every text of each post, the first captured one first, then in the order they were seen. */
  async ofPosts(postIds: readonly string[]): Promise<Map<string, PostTextVersion[]>> {
    const versions = new Map<string, PostTextVersion[]>();
    if (postIds.length === 0) return versions;
    const [firsts, later] = await Promise.all([
      this.db.selectFrom('posts').select(['id', 'text', 'content_sha256', 'fetched_at']).where('id', 'in', [...postIds]).execute(),
      this.db
        .selectFrom('post_versions')
        .select(['post_id', 'text', 'content_sha256', 'first_seen_at', 'last_seen_at', 'edited_at'])
        .where('post_id', 'in', [...postIds])
        .orderBy('first_seen_at')
        .orderBy('id')
        .execute(),
    ]);
    for (const row of firsts) {
      versions.set(row.id, [{ text: row.text, content_sha256: row.content_sha256, first_seen_at: row.fetched_at, current_since: row.fetched_at, edited_at: null }]);
    }
    for (const row of later) {
      versions.get(row.post_id)?.push({
        text: row.text,
        content_sha256: row.content_sha256,
        first_seen_at: row.first_seen_at,
        current_since: row.last_seen_at,
        edited_at: row.edited_at,
      });
    }
    return versions;
  }
}
