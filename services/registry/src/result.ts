import type { OutboundPolicy } from '@netra/core';

/** What one import reports: every data row is counted exactly once in imported, unchanged or rejected. */
export interface ImportResult {
  rows: number;
  /** Rows that created or changed something. */
  imported: number;
  /** Valid rows whose data was already stored exactly so. */
  unchanged: number;
  rejected: Rejection[];
}

/** A row left out, with the physical line of the file it starts on (header = line 1). */
export interface Rejection {
  line: number;
  reason: string;
}

export interface ImportOptions {
  /** Names the file in fatal errors, e.g. "regions.csv: missing header column(s): name". */
  fileName: string;
  /** Which non-public addresses an agency's webhook_url may name (OUTBOUND_ALLOWED_ADDRESSES); default none. */
  outbound?: OutboundPolicy;
}
