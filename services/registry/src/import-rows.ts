import type { Db } from '@netra/db';
import { openCsvTable, type CsvSource, type Fields } from './csv-table.js';
import { RegistryRepository } from './registry-repository.js';
import { rowRejectionReason } from './rejection.js';
import type { ImportOptions, ImportResult } from './result.js';
import { RepeatGuard, type RepeatRule } from './validate/repeats.js';

/** What one kind of registry file needs: its columns, a pure row parser, and the row's writes. */
export interface RowImporter<C extends string, Row> {
  columns: readonly C[];
  /** Pure: the typed row, or a RowRejected naming what is wrong with it. */
  parse(fields: Fields<C>): Row;
  /** Natural keys several rows may share, and what such rows must agree on. */
  repeats: readonly RepeatRule<Row>[];
  /** Checks the row against the stored registry and writes it; returns whether anything changed. */
  write(repository: RegistryRepository, row: Row): Promise<boolean>;
}

/**
 * Imports a file row by row, each row in its own transaction: a rejected row leaves nothing
 * behind (no person without their account), and the rows around it still go in. Later rows see
 * earlier ones as stored data, so "already in the database" also covers "earlier in the file".
 */
export async function importRows<C extends string, Row>(
  db: Db,
  source: CsvSource,
  options: ImportOptions,
  importer: RowImporter<C, Row>,
): Promise<ImportResult> {
  const table = await openCsvTable(source, importer.columns, options.fileName);
  const repeats = new RepeatGuard(importer.repeats);
  const result: ImportResult = { rows: 0, imported: 0, unchanged: 0, rejected: [] };
  for await (const record of table.records) {
    result.rows += 1;
    try {
      const row = importer.parse(table.fieldsOf(record));
      repeats.check(row);
      const changed = await db.transaction().execute((trx) => importer.write(new RegistryRepository(trx), row));
      repeats.remember(row, record.line);
      result[changed ? 'imported' : 'unchanged'] += 1;
    } catch (error) {
      const reason = rowRejectionReason(error);
      if (reason === null) throw error;
      result.rejected.push({ line: record.line, reason });
    }
  }
  return result;
}
