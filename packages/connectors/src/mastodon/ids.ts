/**
 * Orders two Mastodon ids. They are digit strings beyond 2^53, so they are compared as BigInt;
 * they are only ever compared, never added to or subtracted from.
 */
export function compareIds(a: string, b: string): number {
  const x = BigInt(a);
  const y = BigInt(b);
  return x < y ? -1 : x > y ? 1 : 0;
}
