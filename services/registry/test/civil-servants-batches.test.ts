import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@netra/testing';
import { importCivilServants, ImportInterrupted } from '../src/index.js';
import { progressReporter } from '../src/progress.js';
import { seedReferenceData } from './helpers.js';

const header = 'nip,full_name,agency_code,region_code,position,platform,handle,spouse_of';
/** Small batches, so files of a few thousand rows cross several batch boundaries. */
const batchRows = 5_000;

/** A valid NIP for person i: a distinct birth day per person. */
function nipOf(i: number): string {
  const born = new Date(Date.UTC(1970, 0, 1) + i * 86_400_000).toISOString().slice(0, 10).replaceAll('-', '');
  return `${born}201001${1 + (i % 2)}001`;
}

/** Person i's row; every third person has a second account on the next line. */
function rowsOf(i: number): string[] {
  const person = `${nipOf(i)},Pegawai ${i},dki-bkd,31.71,Analis`;
  const rows = [`${person},mastodon,asn${i},`];
  if (i % 3 === 0) rows.push(`${person},x,asn${i},`);
  return rows;
}

/** A file longer than several write batches: `people` persons, about 1.33 rows each. */
function bigFile(people: number, replace: (line: number, row: string) => string = (_line, row) => row): string {
  const rows = Array.from({ length: people }, (_, i) => rowsOf(i)).flat();
  return [header, ...rows.map((row, index) => replace(index + 2, row))].join('\n');
}

let t: TestDatabase;
beforeEach(async () => {
  t = await createTestDatabase();
  await seedReferenceData(t.db);
});
afterEach(async () => t?.drop());

async function counts() {
  const { rows } = await sql<{ people: string; accounts: string }>`
    SELECT (SELECT count(*) FROM civil_servants) AS people,
           (SELECT count(*) FROM social_accounts WHERE civil_servant_id IS NOT NULL) AS accounts`.execute(t.db);
  return { people: Number(rows[0]!.people), accounts: Number(rows[0]!.accounts) };
}

describe('importCivilServants over many batches', () => {
  it('reports rows refuted by the file and by the stored registry in line order, across batch boundaries, and a re-run changes nothing', async () => {
    // Stored before the file: NIP of person 9000 under another name (refused per batch, in SQL).
    await importCivilServants(t.db, `${header}\n${nipOf(9_000)},Orang Lain,dki-bkd,31.71,,bluesky,orang.lain,`, { fileName: 'earlier.csv' });
    const file = bigFile(12_000, (line, row) => {
      if (line === 2) return row.replace('dki-bkd', 'no-such-agency');
      if (line === 7_001) return row.replace(/,(mastodon|x),asn\d+,$/, ',mastodon,asn1,'); // person 1's handle, another NIP
      return row;
    });
    const result = await importCivilServants(t.db, file, { fileName: 'big.csv', batchRows });
    const rows = 16_000;
    expect(result.rows).toBe(rows);
    expect(result.rejected).toEqual([
      { line: 2, reason: 'unknown agency "no-such-agency"' },
      { line: 7_001, reason: `duplicate handle: mastodon:asn1 already belongs to civil servant NIP ${nipOf(1)}` },
      { line: 12_002, reason: `NIP ${nipOf(9_000)} is registered as "Orang Lain", not "Pegawai 9000"` },
      { line: 12_003, reason: `NIP ${nipOf(9_000)} is registered as "Orang Lain", not "Pegawai 9000"` },
    ]);
    expect(result.imported + result.unchanged).toBe(rows - 4);
    expect(result.unchanged).toBe(0);
    // Person 0's first row named the bad agency: their second row (x:asn0) still brought them in.
    // Line 7001 was its person's only row: they are not stored. Person 9000 is "Orang Lain", as before.
    expect(await counts()).toEqual({ people: 11_999, accounts: rows - 4 + 1 });

    const again = await importCivilServants(t.db, file, { fileName: 'big.csv', batchRows });
    expect(again).toEqual({ ...result, imported: 0, unchanged: rows - 4 });
    expect(await counts()).toEqual({ people: 11_999, accounts: rows - 4 + 1 });
  });

  it('redoes a batch row by row when the database refuses it, rejecting only the row that conflicts', async () => {
    // Stands in for a concurrent import: as the batch writes its people, someone takes a handle
    // the batch checked was free a statement earlier.
    await sql`
      CREATE FUNCTION take_handle() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO social_accounts (platform, handle, civil_servant_id)
        SELECT 'mastodon', 'asn5', min(id) FROM civil_servants
        ON CONFLICT DO NOTHING;
        RETURN NULL;
      END $$;
      CREATE TRIGGER take_handle AFTER INSERT ON civil_servants FOR EACH STATEMENT EXECUTE FUNCTION take_handle();
    `.execute(t.db);
    const result = await importCivilServants(t.db, bigFile(10), { fileName: 'race.csv', batchRows });
    // Row by row, line 9 (person 5's only row) finds the handle taken and is the only one left out.
    expect(result.rejected).toEqual([{ line: 9, reason: `duplicate handle: mastodon:asn5 already belongs to civil servant NIP ${nipOf(0)}` }]);
    expect(result).toMatchObject({ rows: 14, imported: 13, unchanged: 0 });
  });

  it('keeps the committed batches when the file breaks half way, and a re-run of the fixed file imports the rest', async () => {
    const lines = bigFile(9_000).split('\n');
    const broken = [...lines.slice(0, 8_000), '"unclosed quote', ...lines.slice(8_000)].join('\n');
    const failure = await importCivilServants(t.db, broken, { fileName: 'broken.csv', batchRows }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ImportInterrupted);
    expect((failure as Error).message).toMatch(/^broken\.csv:\d+: malformed CSV .*rows before it are in .*run the same import again/);
    const committed = (failure as ImportInterrupted).committed;
    expect(committed.imported).toBeGreaterThanOrEqual(5_000);
    expect((await counts()).accounts).toBe(committed.imported);

    const resumed = await importCivilServants(t.db, lines.join('\n'), { fileName: 'fixed.csv', batchRows });
    expect(resumed).toEqual({ rows: 12_000, imported: 12_000 - committed.imported, unchanged: committed.imported, rejected: [] });
    expect(await counts()).toEqual({ people: 9_000, accounts: 12_000 });
  });
});

describe('progressReporter', () => {
  it('says rows, share of the file, rate and time left, at most every five seconds', () => {
    let clock = 0;
    let bytes = 0;
    const lines: string[] = [];
    const report = progressReporter({ bytesRead: () => bytes, size: 1_000 }, (line) => lines.push(line), () => clock);
    const sofar = (rows: number) => ({ rows, imported: rows, unchanged: 0, rejected: [] });
    clock = 2_000;
    report(sofar(10_000));
    clock = 10_000;
    bytes = 250;
    report(sofar(50_000));
    clock = 12_000;
    report(sofar(60_000));
    expect(lines).toEqual(['netra registry: 50000 rows read (25% of the file), 5000 rows/s, about 30 s left']);

    const fromPipe: string[] = [];
    const reportPipe = progressReporter({ bytesRead: () => 4_096, size: 0 }, (line) => fromPipe.push(line), () => clock);
    clock += 8_000;
    reportPipe(sofar(40_000));
    expect(fromPipe).toEqual(['netra registry: 40000 rows read, 5000 rows/s']);
  });
});
