import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';

/** A small reference CSV (candidates, jargon, regions) as records keyed by its header row. */
export function readCsvRecords(path: string): Record<string, string>[] {
  return parse(readFileSync(path, 'utf8'), { columns: true, skip_empty_lines: true, trim: true }) as Record<string, string>[];
}
