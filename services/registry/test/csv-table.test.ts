import { describe, expect, it } from 'vitest';
import { readCsvTable } from '../src/csv-table.js';

const columns = ['code', 'name'] as const;

describe('readCsvTable', () => {
  it('numbers each record by the physical line it starts on, across blank lines, CRLF and quoted line breaks', () => {
    const text = 'code,name\r\n1,One\r\n\r\n2,"Two\r\nlines"\r\n   \r\n3,Three';
    const table = readCsvTable(text, columns, 'x.csv');
    expect(table.records.map((record) => record.line)).toEqual([2, 4, 7]);
    expect(table.records.map((record) => table.fieldsOf(record))).toEqual([
      { code: '1', name: 'One' },
      { code: '2', name: 'Two\nlines' },
      { code: '3', name: 'Three' },
    ]);
  });

  it('finds columns by header name, in any order, trimmed and ignoring extra columns', () => {
    const table = readCsvTable('\uFEFFnote, name ,code\nhello, Satu ,1\n', columns, 'x.csv');
    expect(table.fieldsOf(table.records[0]!)).toEqual({ code: '1', name: 'Satu' });
  });

  it('rejects a record whose column count differs from the header', () => {
    const table = readCsvTable('code,name\n1\n1,One,extra\n', columns, 'x.csv');
    expect(() => table.fieldsOf(table.records[0]!)).toThrow('expected 2 columns, found 1');
    expect(() => table.fieldsOf(table.records[1]!)).toThrow('expected 2 columns, found 3');
  });

  it('is fatal when the header lacks a column, the file is empty, or a quote is never closed', () => {
    expect(() => readCsvTable('code\n1\n', columns, 'x.csv')).toThrow('x.csv: missing header column(s): name');
    expect(() => readCsvTable('', columns, 'x.csv')).toThrow('x.csv: empty file, expected a header line: code,name');
    expect(() => readCsvTable('code,name\n1,"One\n2,Two\n', columns, 'x.csv')).toThrow(/^x\.csv:\d+: malformed CSV/);
  });
});
