import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import type { Db } from '@netra/db';
import { importAgencies, importCandidates, importRegions, type ImportResult } from '../src/index.js';

export function fixturePath(name: string): string {
  return fileURLToPath(new URL(`fixtures/${name}`, import.meta.url));
}

export function fixture(name: string): string {
  return readFileSync(fixturePath(name), 'utf8');
}

type Importer = (db: Db, csvText: string, options: { fileName: string }) => Promise<ImportResult>;

export function importFixture(importer: Importer, db: Db, name: string): Promise<ImportResult> {
  return importer(db, fixture(name), { fileName: name });
}

/** The regions, agencies and candidates a civil-servant file refers to. */
export async function seedReferenceData(db: Db): Promise<void> {
  for (const [importer, name] of [
    [importRegions, 'regions.csv'],
    [importAgencies, 'agencies.csv'],
    [importCandidates, 'candidates.csv'],
  ] as const) {
    expect((await importFixture(importer, db, name)).rejected).toEqual([]);
  }
}

const registryTables = ['regions', 'agencies', 'elections', 'candidates', 'civil_servants', 'social_accounts'] as const;

/** Every registry row, in a stable order: equal snapshots mean an import changed nothing at all. */
export async function registrySnapshot(db: Db): Promise<Record<string, unknown[]>> {
  const snapshot: Record<string, unknown[]> = {};
  for (const table of registryTables) {
    snapshot[table] = await db.selectFrom(table).selectAll().orderBy(table === 'regions' ? 'code' : 'id').execute();
  }
  return snapshot;
}

export async function rowCounts(db: Db): Promise<Record<string, number>> {
  const snapshot = await registrySnapshot(db);
  return Object.fromEntries(Object.entries(snapshot).map(([table, rows]) => [table, rows.length]));
}
