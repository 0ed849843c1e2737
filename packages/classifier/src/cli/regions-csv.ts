import { fileURLToPath } from 'node:url';
import { createRegionDirectory, type RegionDirectory, type RegionKind } from '../directory/regions.js';
import { readCsvRecords } from './csv-records.js';

const regionsDir = fileURLToPath(new URL('../../../../data/regions/', import.meta.url));
const kinds = new Set<RegionKind>(['province', 'regency', 'city']);

/** data/regions/regions.csv (Kemendagri codes; provenance in its SOURCES.md) and aliases.csv. */
export function loadRegionDirectory(dir: string = regionsDir): RegionDirectory {
  const read = (file: string) => readCsvRecords(`${dir}/${file}`);
  const regions = read('regions.csv').map((row, i) => {
    const kind = row['kind'] as RegionKind;
    if (!row['code'] || !row['name'] || !kinds.has(kind)) throw new Error(`${dir}/regions.csv: row ${i + 2} needs code, name and a kind of province, regency or city`);
    return { code: row['code'], name: row['name'], kind, parentCode: row['parent_code'] || null };
  });
  const aliases = read('aliases.csv').map((row) => ({ code: row['code'] ?? '', alias: row['alias'] ?? '' }));
  return createRegionDirectory(regions, aliases);
}
