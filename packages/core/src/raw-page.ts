/**
 * One HTTP answer from a platform exactly as received: connectors produce it, ingest stores it
 * before the cursor moves ("raw first"), so any stored post can be traced to the bytes it came from.
 */
export interface RawPage {
  url: string;
  status: number;
  /** Date, Retry-After, Link and the platform's rate-limit headers. */
  rateHeaders: Record<string, string>;
  body: string;
  sha256: string;
  retrievedAt: Date;
}
