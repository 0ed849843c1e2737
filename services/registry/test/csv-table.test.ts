import { createReadStream } from 'node:fs';
import os from 'node:os';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { openCsvTable, type CsvRecord, type CsvSource } from '../src/csv-table.js';

const columns = ['code', 'name'] as const;

async function readAll(source: CsvSource) {
  const table = await openCsvTable(source, columns, 'x.csv');
  const records: CsvRecord[] = [];
  for await (const record of table.records) records.push(record);
  return { table, records };
}

describe('openCsvTable', () => {
  it('numbers each record by the physical line it starts on, across blank lines, CRLF and quoted line breaks', async () => {
    const text = 'code,name\r\n1,One\r\n\r\n2,"Two\r\nlines"\r\n   \r\n3,Three';
    const { table, records } = await readAll(text);
    expect(records.map((record) => record.line)).toEqual([2, 4, 7]);
    expect(records.map((record) => table.fieldsOf(record))).toEqual([
      { code: '1', name: 'One' },
      { code: '2', name: 'Two\nlines' },
      { code: '3', name: 'Three' },
    ]);
  });

  it('reads a stream whose chunks split a CRLF and a multi-byte character exactly as the whole text', async () => {
    const bytes = Buffer.from('code,name\r\n1,Sémarang\r\n2,Two\r\n', 'utf8');
    const splitAt = [bytes.indexOf('\r') + 1, bytes.indexOf('é') + 1, bytes.lastIndexOf('\r') + 1];
    const chunks = [0, ...splitAt].map((start, i) => bytes.subarray(start, [...splitAt, bytes.length][i]));
    const { table, records } = await readAll(Readable.from(chunks));
    expect(records.map((record) => [record.line, table.fieldsOf(record)])).toEqual([
      [2, { code: '1', name: 'Sémarang' }],
      [3, { code: '2', name: 'Two' }],
    ]);
  });

  it('finds columns by header name, in any order, trimmed and ignoring extra columns', async () => {
    const { table, records } = await readAll('\uFEFFnote, name ,code\nhello, Satu ,1\n');
    expect(table.fieldsOf(records[0]!)).toEqual({ code: '1', name: 'Satu' });
  });

  it('rejects a record whose column count differs from the header', async () => {
    const { table, records } = await readAll('code,name\n1\n1,One,extra\n');
    expect(() => table.fieldsOf(records[0]!)).toThrow('expected 2 columns, found 1');
    expect(() => table.fieldsOf(records[1]!)).toThrow('expected 2 columns, found 3');
  });

  it('is fatal when the header lacks a column, the file is empty, or a quote is never closed', async () => {
    await expect(readAll('code\n1\n')).rejects.toThrow('x.csv: missing header column(s): name');
    await expect(readAll('')).rejects.toThrow('x.csv: empty file, expected a header line: code,name');
    await expect(readAll('code,name\n1,"One\n2,Two\n')).rejects.toThrow(/^x\.csv:\d+: malformed CSV/);
  });

  it('names the file when reading it fails after it opened', async () => {
    await expect(readAll(createReadStream(os.tmpdir()))).rejects.toThrow(/^cannot read x\.csv \(EISDIR/);
  });
});
