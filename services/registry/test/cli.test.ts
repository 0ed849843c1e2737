import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@netra/testing';
import { fixturePath, seedReferenceData } from './helpers.js';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runRegistryCli(args: string[], databaseUrl: string): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(
      'npx',
      ['tsx', 'services/registry/src/cli.ts', ...args],
      // npm's own warnings (about the local npm config) are not the CLI's output.
      { cwd: repoRoot, env: { ...process.env, DATABASE_URL: databaseUrl, npm_config_loglevel: 'error' } },
      (error, stdout, stderr) => resolve({ code: error ? (error.code as number) : 0, stdout, stderr }),
    );
  });
}

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  await seedReferenceData(t.db);
});
afterAll(async () => t?.drop());

describe('registry CLI', () => {
  it('imports the good rows, prints a JSON summary and each rejection as FILE:LINE: reason, and exits 2', async () => {
    const file = fixturePath('civil-servants-with-errors.csv');
    const run = await runRegistryCli(['import', file], t.url);
    expect(run.code).toBe(2);
    expect(JSON.parse(run.stdout)).toEqual({ file, rows: 13, imported: 2, unchanged: 0, rejected: 11 });
    const errorLines = run.stderr.trim().split('\n');
    expect(errorLines).toHaveLength(11);
    expect(errorLines[0]).toBe(`${file}:3: NIP must be 18 digits, got "19850312201003100"`);
    expect(errorLines[10]).toBe(`${file}:13: expected 8 columns, found 7`);
    expect(await t.db.selectFrom('civil_servants').select('nip').orderBy('nip').execute()).toEqual([
      { nip: '198503122010031001' },
      { nip: '199007252015052003' },
    ]);
  });

  it('exits 0 with nothing on stderr when every row is good', async () => {
    const file = fixturePath('civil-servants.csv');
    const run = await runRegistryCli(['import', file], t.url);
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
    // Budi's mastodon account and Siti were stored by the previous test: those rows are unchanged.
    expect(JSON.parse(run.stdout)).toEqual({ file, rows: 4, imported: 2, unchanged: 2, rejected: 0 });
  });

  it('exits 1 with one clear line on a missing file, missing header columns, an unreachable database or a bad command', async () => {
    const cases: Array<[string[], string, RegExp]> = [
      [['import', 'no-such-file.csv'], t.url, /^netra: cannot read no-such-file\.csv \(ENOENT/],
      [['import', fixturePath('civil-servants-missing-column.csv')], t.url, /missing header column\(s\): region_code, spouse_of$/],
      [['import', fixturePath('civil-servants.csv')], 'postgres://postgres@127.0.0.1:1/netra', /^netra: DATABASE_URL: cannot connect to/],
      [['voters', fixturePath('civil-servants.csv')], t.url, /^netra: usage: npm run -s registry -- <regions\|agencies\|candidates\|import> FILE\.csv$/],
    ];
    for (const [args, databaseUrl, message] of cases) {
      const run = await runRegistryCli(args, databaseUrl);
      expect(run.code).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stderr.trim()).toMatch(message);
    }
  });
});
