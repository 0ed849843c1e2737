/**
 * How long the server asks us to wait, in ms, from a response's headers:
 * - `Retry-After`: seconds, or an HTTP date;
 * - `X-RateLimit-Reset` (Mastodon): the ISO time the window reopens;
 * - `x-rate-limit-reset` (X): Unix seconds;
 * - `RateLimit-Reset` (Bluesky): Unix seconds (or, per the IETF draft, seconds from now).
 * Dates are the server's clock, so they are measured against the server's own `Date` header
 * when it sent one: a skewed local clock then does not shorten or stretch the wait.
 */
export function retryAfterMs(headers: Record<string, string | undefined>, localNow: number = Date.now()): number | undefined {
  const serverNow = parseDate(headers['date']) ?? localNow;
  const retryAfter = headers['retry-after']?.trim();
  if (retryAfter) {
    if (/^\d+$/.test(retryAfter)) return Number(retryAfter) * 1000;
    const at = parseDate(retryAfter);
    if (at !== undefined) return Math.max(0, at - serverNow);
  }
  const resetAt = windowResetAt(headers, serverNow);
  return resetAt === undefined ? undefined : Math.max(0, resetAt - serverNow);
}

/**
 * Milliseconds until the current window reopens when the headers say it is used up
 * (remaining 0), else undefined: lets a client stop before the 429 instead of after it.
 */
export function exhaustedWindowMs(headers: Record<string, string | undefined>, localNow: number = Date.now()): number | undefined {
  const remaining = headers['x-ratelimit-remaining'] ?? headers['x-rate-limit-remaining'] ?? headers['ratelimit-remaining'];
  if (remaining === undefined || remaining.trim() !== '0') return undefined;
  const serverNow = parseDate(headers['date']) ?? localNow;
  const resetAt = windowResetAt(headers, serverNow);
  return resetAt === undefined ? undefined : Math.max(0, resetAt - serverNow);
}

function windowResetAt(headers: Record<string, string | undefined>, serverNow: number): number | undefined {
  const iso = parseDate(headers['x-ratelimit-reset']);
  if (iso !== undefined) return iso;
  const numeric = (headers['x-rate-limit-reset'] ?? headers['ratelimit-reset'])?.trim();
  if (!numeric || !/^\d+$/.test(numeric)) return undefined;
  const value = Number(numeric);
  // Large values are Unix times; small ones are seconds from now (the IETF draft's form).
  return value > 1e9 ? value * 1000 : serverNow + value * 1000;
}

function parseDate(value: string | undefined): number | undefined {
  if (!value || /^\d+$/.test(value.trim())) return undefined;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : at;
}
