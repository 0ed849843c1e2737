import { PlatformError } from '../errors.js';

/**
 * Follows a chain of pages from `first`, asking `nextOf` for the next request after each, up to
 * `maxPages`. A chain that comes back to a request it already made is a server bug (or a hostile
 * one): reported as MALFORMED rather than looped on forever.
 */
export async function* followPages<P>(
  first: string,
  fetchPage: (request: string) => Promise<P>,
  nextOf: (page: P) => string | undefined,
  maxPages: number,
): AsyncGenerator<P> {
  const seen = new Set<string>();
  let request: string | undefined = first;
  for (let n = 0; request !== undefined && n < maxPages; n++) {
    if (seen.has(request)) throw new PlatformError('MALFORMED', `paging loops back to ${request}`, { url: request });
    seen.add(request);
    const page: P = await fetchPage(request);
    yield page;
    request = nextOf(page);
  }
}

/** A guard against a server whose pages never end; far above any real list of likers. */
export const maxEngagementPages = 500;
export const defaultMaxPages = 10;
export const defaultUserAgent = 'Netra/0.1 (ASN neutrality monitoring; public data only)';
