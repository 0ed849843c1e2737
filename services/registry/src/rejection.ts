import { NetraError } from '@netra/core';

/** One row is bad: the import reports it with its line and goes on with the next row. */
export class RowRejected extends NetraError {
  constructor(reason: string) {
    super('NETRA_ROW_REJECTED', reason);
    this.name = 'RowRejected';
  }
}

export function reject(reason: string): never {
  throw new RowRejected(reason);
}

/**
 * The reason to report when `error` concerns only the row being imported, or null when it is
 * fatal (the database went away, a bug) and must stop the import.
 */
export function rowRejectionReason(error: unknown): string | null {
  if (error instanceof RowRejected) return error.message;
  // Class 23 (integrity constraint violation): the row's own checks should have caught it, but a
  // concurrent import can still race us to a unique key; the row's transaction is rolled back.
  const sqlState = (error as { code?: unknown } | null)?.code;
  if (typeof sqlState === 'string' && sqlState.startsWith('23')) {
    return `the database refused the row: ${(error as Error).message}`;
  }
  return null;
}
