import type { Db } from '@netra/db';
import type { CsvSource } from '../csv-table.js';
import { importRows } from '../import-rows.js';
import { reject } from '../rejection.js';
import type { ImportOptions, ImportResult } from '../result.js';
import { parseRegionRow, regionColumns } from '../validate/region-row.js';

/** regions.csv: code,name,parent_code. A parent must be stored already or come earlier in the file. */
export function importRegions(db: Db, source: CsvSource, options: ImportOptions): Promise<ImportResult> {
  return importRows(db, source, options, {
    columns: regionColumns,
    parse: parseRegionRow,
    repeats: [{ key: (row) => `region ${row.code}`, shared: (row) => ({ name: row.name, parent_code: row.parentCode }) }],
    async write(repository, row) {
      if (row.parentCode !== null && !(await repository.regionExists(row.parentCode))) {
        reject(`unknown parent region "${row.parentCode}"`);
      }
      return repository.upsertRegion(row);
    },
  });
}
