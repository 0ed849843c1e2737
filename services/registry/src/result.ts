import { errorMessage, NetraError, type OutboundPolicy } from '@netra/core';

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
  /** Rows per transaction, where an importer writes in batches (civil servants). */
  batchRows?: number;
  /** Told after each committed batch of a long import: what is in so far. */
  onProgress?(sofar: Readonly<ImportResult>): void;
}

/**
 * A fatal error (broken quoting, the database gone) after some batches had committed. What is
 * committed is whole rows, and a re-run of the same file counts those rows unchanged and
 * imports the rest: the import resumes by being run again, never leaves half a row behind.
 */
export class ImportInterrupted extends NetraError {
  constructor(
    readonly committed: ImportResult,
    cause: unknown,
  ) {
    super(
      'NETRA_IMPORT_INTERRUPTED',
      `${errorMessage(cause)}; ${committed.imported + committed.unchanged} rows before it are in (batches commit as they go): ` +
        'fix the cause and run the same import again, rows already in count as unchanged',
    );
    this.name = 'ImportInterrupted';
  }
}
