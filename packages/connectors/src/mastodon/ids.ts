/**
 * Orders two ids of a Mastodon-API server. They are sortable strings, only ever compared: Mastodon's
 * are digits beyond 2^53 (no leading zeros), Pleroma's and Akkoma's flake ids base62 of one length.
 * Shorter first, then character by character, orders both without reading either as a number.
 */
export function compareIds(a: string, b: string): number {
  if (a.length !== b.length) return a.length < b.length ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
