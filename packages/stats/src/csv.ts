import { stringify } from 'csv-stringify/sync';
import type { StatsRow, StatsTable } from './counts.js';

/**
 * A report as CSV with a header line (also when it has no rows). Text cells starting with
 * = + - @ are prefixed with ' so a spreadsheet never runs them as formulas.
 */
export function toCsv(table: StatsTable): string {
  const defuse = (value: StatsRow[string] | undefined) =>
    typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : (value ?? null);
  return stringify(
    table.rows.map((row) => table.columns.map((c) => defuse(row[c]))),
    { header: true, columns: table.columns },
  );
}
