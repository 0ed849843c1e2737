import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';

const demoData = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../data/demo');

export interface DemoCivilServantRow {
  nip: string;
  full_name: string;
  agency_code: string;
  region_code: string;
  handle: string;
  spouse_of: string;
}

/** The demo registry's civil servants, as the importer reads them. */
export function demoCivilServants(): DemoCivilServantRow[] {
  return parse(readFileSync(path.join(demoData, 'civil-servants.csv'), 'utf8'), { columns: true }) as DemoCivilServantRow[];
}
