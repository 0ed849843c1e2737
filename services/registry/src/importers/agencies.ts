import { PUBLIC_ONLY } from '@netra/core';
import type { Db } from '@netra/db';
import type { CsvSource } from '../csv-table.js';
import { importRows } from '../import-rows.js';
import { reject } from '../rejection.js';
import type { ImportOptions, ImportResult } from '../result.js';
import { agencyColumns, parseAgencyRow } from '../validate/agency-row.js';

/** agencies.csv: code,name,region_code,webhook_url,contact_email; the region must be stored. */
export function importAgencies(db: Db, source: CsvSource, options: ImportOptions): Promise<ImportResult> {
  return importRows(db, source, options, {
    columns: agencyColumns,
    parse: (fields) => parseAgencyRow(fields, options.outbound ?? PUBLIC_ONLY),
    repeats: [
      {
        key: (row) => `agency ${row.code}`,
        shared: (row) => ({
          name: row.name,
          region_code: row.regionCode,
          webhook_url: row.webhookUrl,
          contact_email: row.contactEmail,
        }),
      },
    ],
    async write(repository, row) {
      if (!(await repository.regionExists(row.regionCode))) reject(`unknown region "${row.regionCode}"`);
      return repository.upsertAgency(row);
    },
  });
}
