import { Readable, Transform } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { CsvError, parse } from 'csv-parse';
import { errorMessage, InvalidInputError } from '@netra/core';
import { reject } from './rejection.js';

export type Fields<C extends string> = Record<C, string>;

/** A registry file's text, or a stream of it (a national file is read as it is imported). */
export type CsvSource = string | Readable;

/** One data record and the physical line it starts on (header = line 1). */
export interface CsvRecord {
  line: number;
  cells: string[];
}

export interface CsvTable<C extends string> {
  /** The data records in file order, read as they are consumed. */
  records: AsyncIterable<CsvRecord>;
  /** The record's cells by column name; rejects a record whose cell count differs from the header's. */
  fieldsOf(record: CsvRecord): Fields<C>;
}

/**
 * Opens CSV whose header must name every one of `columns` (in any order; extra columns are
 * ignored). Blank lines are skipped but still counted, so line numbers match what an editor shows.
 * A missing header column is fatal before any row is read; broken quoting is fatal where it is
 * found (an InvalidInputError naming FILE:LINE), since no later row of such a file can be trusted.
 */
export async function openCsvTable<C extends string>(source: CsvSource, columns: readonly C[], fileName: string): Promise<CsvTable<C>> {
  const records = parseRecords(source, fileName);
  const first = await records.next();
  if (first.done) throw new InvalidInputError(`${fileName}: empty file, expected a header line: ${columns.join(',')}`);
  const header = first.value;
  const missing = columns.filter((column) => !header.cells.includes(column));
  if (missing.length > 0) {
    records.return(undefined).catch(() => undefined);
    throw new InvalidInputError(`${fileName}: missing header column(s): ${missing.join(', ')}`);
  }
  const positions = columns.map((column) => [column, header.cells.indexOf(column)] as const);
  return {
    records: { [Symbol.asyncIterator]: () => records },
    fieldsOf(record) {
      if (record.cells.length !== header.cells.length) {
        reject(`expected ${header.cells.length} columns, found ${record.cells.length}`);
      }
      const fields = {} as Fields<C>;
      for (const [column, index] of positions) fields[column] = record.cells[index] ?? '';
      return fields;
    },
  };
}

interface RecordWithInfo {
  record: string[];
  info: { lines: number };
}

async function* parseRecords(source: CsvSource, fileName: string): AsyncGenerator<CsvRecord, void, undefined> {
  const input = typeof source === 'string' ? Readable.from([source]) : source;
  // csv-parse's types describe plain records only; with `info` each record is wrapped.
  const parser = input.pipe(unixLineEndings()).pipe(parse({ bom: true, trim: true, relax_column_count: true, info: true }));
  // A read that fails after the file opened (EISDIR, EIO) ends the parse with the file named.
  input.on('error', (error) => parser.destroy(new InvalidInputError(`cannot read ${fileName} (${errorMessage(error)})`)));
  // Every line belongs to a record (a blank one to an empty record), so a record starts on the
  // line after the one the previous record ended on; csv-parse tells where each one ends.
  let previousEnd = 0;
  try {
    for await (const { record, info } of parser as AsyncIterable<RecordWithInfo>) {
      const line = previousEnd + 1;
      previousEnd = info.lines;
      if (record.length === 1 && record[0] === '') continue;
      yield { line, cells: record };
    }
  } catch (error) {
    if (error instanceof CsvError) {
      throw new InvalidInputError(`${fileName}:${String(error.lines ?? '?')}: malformed CSV (${error.message})`);
    }
    throw error;
  } finally {
    input.destroy();
  }
}

/**
 * One line ending throughout (CRLF and lone CR become LF), so csv-parse's line counter agrees
 * with the file's physical lines. A CR at the end of a chunk waits for the next one: it may be
 * the first half of a CRLF.
 */
function unixLineEndings(): Transform {
  // A multi-byte character may also be split between chunks: the decoder keeps its first bytes.
  const decoder = new StringDecoder('utf8');
  let heldCarriageReturn = false;
  return new Transform({
    decodeStrings: false,
    encoding: 'utf8',
    transform(chunk: Buffer | string, _encoding, done) {
      const decoded = typeof chunk === 'string' ? chunk : decoder.write(chunk);
      let text = (heldCarriageReturn ? '\r' : '') + decoded;
      heldCarriageReturn = text.endsWith('\r');
      if (heldCarriageReturn) text = text.slice(0, -1);
      done(null, text.replace(/\r\n?/g, '\n'));
    },
    flush(done) {
      done(null, (heldCarriageReturn ? '\n' : '') + decoder.end());
    },
  });
}
