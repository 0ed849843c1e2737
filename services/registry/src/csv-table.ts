import { CsvError, parse } from 'csv-parse/sync';
import { InvalidInputError } from '@netra/core';
import { reject } from './rejection.js';

export type Fields<C extends string> = Record<C, string>;

/** One data record and the physical line it starts on (header = line 1). */
export interface CsvRecord {
  line: number;
  cells: string[];
}

export interface CsvTable<C extends string> {
  records: CsvRecord[];
  /** The record's cells by column name; rejects a record whose cell count differs from the header's. */
  fieldsOf(record: CsvRecord): Fields<C>;
}

/**
 * Parses CSV text whose header must name every one of `columns` (in any order; extra columns are
 * ignored). Blank lines are skipped but still counted, so line numbers match what an editor shows.
 * A missing header column or broken quoting is fatal: no row of such a file can be trusted.
 */
export function readCsvTable<C extends string>(text: string, columns: readonly C[], fileName: string): CsvTable<C> {
  const [header, ...records] = parseRecords(text, fileName);
  if (!header) throw new InvalidInputError(`${fileName}: empty file, expected a header line: ${columns.join(',')}`);
  const missing = columns.filter((column) => !header.cells.includes(column));
  if (missing.length > 0) {
    throw new InvalidInputError(`${fileName}: missing header column(s): ${missing.join(', ')}`);
  }
  const positions = columns.map((column) => [column, header.cells.indexOf(column)] as const);
  return {
    records,
    fieldsOf(record) {
      if (record.cells.length !== header.cells.length) {
        reject(`expected ${header.cells.length} columns, found ${record.cells.length}`);
      }
      return Object.fromEntries(positions.map(([column, index]) => [column, record.cells[index] ?? ''])) as Fields<C>;
    },
  };
}

interface RecordWithInfo {
  record: string[];
  raw: string;
  info: { lines: number };
}

function parseRecords(text: string, fileName: string): CsvRecord[] {
  // One line ending throughout, so csv-parse's line counter agrees with the file's physical lines.
  const normalised = text.replace(/\r\n?/g, '\n');
  let parsed: RecordWithInfo[];
  try {
    // csv-parse's types describe plain records only; with `info` and `raw` each record is wrapped.
    parsed = parse(normalised, { bom: true, trim: true, relax_column_count: true, info: true, raw: true }) as unknown as RecordWithInfo[];
  } catch (error) {
    if (error instanceof CsvError) {
      throw new InvalidInputError(`${fileName}:${String(error.lines ?? '?')}: malformed CSV (${error.message})`);
    }
    throw error;
  }
  return parsed
    .filter(({ record }) => !(record.length === 1 && record[0] === ''))
    .map(({ record, raw, info }) => ({ line: firstLineOf(raw, info.lines), cells: record }));
}

/** csv-parse reports the line a record ends on; a quoted field may span several lines. */
function firstLineOf(raw: string, lastLine: number): number {
  const lineBreaksInside = (raw.match(/\n/g)?.length ?? 0) - (raw.endsWith('\n') ? 1 : 0);
  return lastLine - lineBreaksInside;
}
