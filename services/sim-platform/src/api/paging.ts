import { compareIds } from '../world/snowflake.js';

/**
 * Mastodon's id-based pagination (app/controllers/concerns/api/pagination.rb and the
 * paginate_by_id scope), for any list kept newest first.
 */
export interface PageParams {
  limit: number;
  maxId?: string;
  sinceId?: string;
  minId?: string;
}

export type Query = Record<string, string | undefined>;

const idParam = (value: string | undefined) => (value !== undefined && /^\d+$/.test(value) ? value : undefined);

export function parsePageParams(query: Query, limits: { defaultLimit: number; maxLimit: number }): PageParams {
  const asked = Number.parseInt(query.limit ?? '', 10);
  const limit = Number.isFinite(asked) && asked > 0 ? Math.min(asked, limits.maxLimit) : limits.defaultLimit;
  return { limit, maxId: idParam(query.max_id), sinceId: idParam(query.since_id), minId: idParam(query.min_id) };
}

/**
 * max_id: strictly older. since_id: strictly newer, the newest `limit` of them. min_id: strictly
 * newer, the `limit` just above it (for paging forward). The page is always newest first.
 */
export function selectPage<T>(newestFirst: readonly T[], params: PageParams, keyOf: (item: T) => string): T[] {
  const lowerBound = params.minId ?? params.sinceId;
  const inRange = newestFirst.filter(
    (item) =>
      (params.maxId === undefined || compareIds(keyOf(item), params.maxId) < 0) &&
      (lowerBound === undefined || compareIds(keyOf(item), lowerBound) > 0),
  );
  if (params.minId !== undefined) return inRange.slice(-params.limit);
  return inRange.slice(0, params.limit);
}

/**
 * The Link header Mastodon sends: rel="next" (older, max_id = the page's last key) only when the
 * page is full, rel="prev" (newer, min_id = the page's first key) unless the page is empty. Other
 * list parameters (limit, exclude_*) are carried over; since_id is not, as on Mastodon.
 */
export function paginationLinks<T>(
  pageUrl: string,
  keptParams: Query,
  page: readonly T[],
  limit: number,
  keyOf: (item: T) => string,
): string | undefined {
  const build = (cursor: Record<string, string>) => {
    const params = new URLSearchParams();
    for (const [name, value] of Object.entries({ ...keptParams, ...cursor })) if (value !== undefined) params.set(name, value);
    return `<${pageUrl}?${params.toString()}>`;
  };
  const links: string[] = [];
  const first = page[0];
  const last = page[page.length - 1];
  if (last !== undefined && page.length === limit) links.push(`${build({ max_id: keyOf(last) })}; rel="next"`);
  if (first !== undefined) links.push(`${build({ min_id: keyOf(first) })}; rel="prev"`);
  return links.length ? links.join(', ') : undefined;
}
