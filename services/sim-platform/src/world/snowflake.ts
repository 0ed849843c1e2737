/**
 * Mastodon-style ids: (milliseconds since the epoch << 16) | sequence, written as a decimal
 * string. They grow with time, exceed 2^53 (so a JS number would silently round them) and are
 * compared as BigInt, never as Number.
 */
export function compareIds(a: string, b: string): number {
  const x = BigInt(a);
  const y = BigInt(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Hands out unique ids for given times; two records at the same millisecond get different low bits. */
export class SnowflakeGenerator {
  private readonly used = new Set<bigint>();

  next(at: Date): string {
    let id = BigInt(at.getTime()) << 16n;
    while (this.used.has(id)) id += 1n;
    this.used.add(id);
    return id.toString();
  }
}
