import type { ImportResult } from './result.js';

/** How often a long import says how far it is. Short imports finish before the first line. */
const EVERY_MS = 5_000;

interface FileProgress {
  bytesRead(): number;
  size: number;
}

/**
 * An onProgress for ImportOptions that writes, at most every few seconds,
 * `netra registry: 350000 rows read (35% of the file), 21000 rows/s, about 31 s left`.
 * The share of bytes read stands in for the share of rows: the row count is known only at the end.
 */
export function progressReporter(file: FileProgress, write: (line: string) => void, now = () => performance.now()) {
  const startedAt = now();
  let lastAt = startedAt;
  return (sofar: Readonly<ImportResult>): void => {
    const at = now();
    if (at - lastAt < EVERY_MS) return;
    lastAt = at;
    const seconds = (at - startedAt) / 1000;
    const rate = `${Math.round(sofar.rows / seconds)} rows/s`;
    // A pipe (`/dev/stdin`) has no size: then only rows and rate are known.
    const share = file.size > 0 ? Math.min(1, file.bytesRead() / file.size) : 0;
    if (share === 0) return write(`netra registry: ${sofar.rows} rows read, ${rate}`);
    const left = Math.round((seconds / share) * (1 - share));
    write(`netra registry: ${sofar.rows} rows read (${Math.floor(share * 100)}% of the file), ${rate}, about ${left} s left`);
  };
}
