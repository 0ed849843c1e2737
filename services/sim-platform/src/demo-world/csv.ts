import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';

/** Reading candidates.csv and writing the registry files, with the same CSV library the importer uses. */
export function parseCsv(text: string): Record<string, string>[] {
  return parse(text, { columns: true, skip_empty_lines: true }) as Record<string, string>[];
}

export function formatCsv(columns: readonly string[], rows: readonly Record<string, string>[]): string {
  return stringify(rows as Record<string, string>[], { header: true, columns: [...columns], record_delimiter: '\n' });
}
