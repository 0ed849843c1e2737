/**
 * How long the server asks us to wait, in ms, from the headers of a 429 (or 503):
 * - `Retry-After`: seconds, or an HTTP date;
 * - `X-RateLimit-Reset`: the ISO timestamp at which Mastodon's window reopens.
 * Dates are the server's clock, so they are measured against the server's own `Date` header
 * when it sent one: a skewed local clock then does not shorten or stretch the wait.
 */
export function retryAfterMs(headers: Record<string, string | undefined>, localNow: number = Date.now()): number | undefined {
  const serverDate = parseDate(headers['date']);
  const serverNow = serverDate ?? localNow;
  const retryAfter = headers['retry-after']?.trim();
  if (retryAfter) {
    if (/^\d+$/.test(retryAfter)) return Number(retryAfter) * 1000;
    const at = parseDate(retryAfter);
    if (at !== undefined) return Math.max(0, at - serverNow);
  }
  const reset = parseDate(headers['x-ratelimit-reset']);
  return reset === undefined ? undefined : Math.max(0, reset - serverNow);
}

function parseDate(value: string | undefined): number | undefined {
  if (!value) return undefined;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : at;
}
