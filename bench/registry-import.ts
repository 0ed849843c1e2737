import { execFile } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import type { Db } from '@netra/db';
import { measureMachine } from './machine-cpu.js';
import { seedRegionsAndLocalGovernments } from './seed-world.js';
import { round } from './store-posts.js';

const run = promisify(execFile);
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const goalSeconds = 60;
const goalRatio = 6;
/** Three people in ten have a second account, so a NIP repeats on two rows as in a real file. */
const secondAccountEvery = 10 / 3;

/**
 * `registry -- import` of a national civil-servant file, run as an operator runs it (the CLI as
 * its own process, into a migrated database with the regions and agencies loaded), then the same
 * file a second time (every row unchanged). The anchor, in the same run: psql's `\copy` of the same
 * file into a plain table with the same columns. Times are wall seconds and the machine's busy
 * CPU-seconds (the CLI, Postgres and everything else), so Postgres' share of the work is counted.
 */
export async function benchRegistryImport(bench: { db: Db; url: string }, rows: number) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'netra-bench-registry-'));
  try {
    await seedRegionsAndLocalGovernments(bench.db);
    const file = path.join(dir, 'civil-servants.csv');
    const people = await writeRegistryFile(file, rows);

    const anchor = await timed(() => copyAnchor(bench.url, file));
    const first = await timed(() => importFile(bench.url, file));
    const again = await timed(() => importFile(bench.url, file));
    const stored = await sql<{ people: string; accounts: string }>`
      SELECT (SELECT count(*) FROM civil_servants) AS people, (SELECT count(*) FROM social_accounts) AS accounts`.execute(bench.db);

    const figure = (measured: typeof first) => ({
      summary: measured.value,
      wall_seconds: round(measured.seconds),
      machine_cpu_seconds: round(measured.cpuSeconds),
      rows_per_second: Math.round(rows / measured.seconds),
      wall_ratio_to_copy: round(measured.seconds / anchor.seconds),
      cpu_ratio_to_copy: round(measured.cpuSeconds / anchor.cpuSeconds),
    });
    return {
      rows,
      people,
      stored: { people: Number(stored.rows[0]!.people), accounts: Number(stored.rows[0]!.accounts) },
      anchor_psql_copy: { wall_seconds: round(anchor.seconds), machine_cpu_seconds: round(anchor.cpuSeconds), rows_per_second: Math.round(rows / anchor.seconds) },
      first_import: figure(first),
      re_import: figure(again),
      goal: `${rows} rows within ${round((goalSeconds * rows) / 1_000_000)} s (1M in ${goalSeconds} s) and ≤ ${goalRatio}× COPY`,
      goal_met: first.seconds <= (goalSeconds * rows) / 1_000_000 && first.seconds / anchor.seconds <= goalRatio,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function timed<T>(work: () => Promise<T>) {
  const done = measureMachine();
  const value = await work();
  return { value, ...done() };
}

/** Rows of distinct, valid NIPs spread over every regency; returns how many people the file names. */
async function writeRegistryFile(file: string, rows: number): Promise<number> {
  const out = createWriteStream(file);
  const write = (text: string) => (out.write(text) ? undefined : new Promise<void>((resolve) => out.once('drain', resolve)));
  await write('nip,full_name,agency_code,region_code,position,platform,handle,spouse_of\n');
  const platforms = ['mastodon', 'bluesky', 'x'] as const;
  let person = 0;
  let chunk = '';
  for (let row = 0; row < rows; person += 1) {
    const born = new Date(Date.UTC(1960, 0, 1) + (person % 14_000) * 86_400_000).toISOString().slice(0, 10).replaceAll('-', '');
    const nip = `${born}2010${String((Math.floor(person / 14_000) % 12) + 1).padStart(2, '0')}${(Math.floor(person / 168_000) % 2) + 1}${String(Math.floor(person / 336_000)).padStart(3, '0')}`;
    const region = `${11 + (person % 38)}.${String(1 + (Math.floor(person / 38) % 14)).padStart(2, '0')}`;
    const accounts = person % secondAccountEvery < 1 ? 2 : 1;
    for (let a = 0; a < accounts && row < rows; a += 1, row += 1) {
      chunk += `${nip},Pegawai ${person},pemda-${region},${region},Analis,${platforms[(person + a) % 3]},asn${person}_${a},\n`;
    }
    if (chunk.length > 1 << 16) {
      await write(chunk);
      chunk = '';
    }
  }
  await write(chunk);
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
  return person;
}

async function importFile(databaseUrl: string, file: string) {
  const { stdout } = await run('npx', ['tsx', 'services/registry/src/cli.ts', 'import', file], {
    cwd: repoRoot,
    env: { ...process.env, DATABASE_URL: databaseUrl, npm_config_loglevel: 'error' },
    maxBuffer: 1 << 26,
  });
  return JSON.parse(stdout) as Record<string, unknown>;
}

async function copyAnchor(databaseUrl: string, file: string) {
  const table = 'bench_registry_copy';
  await run('psql', [databaseUrl, '-v', 'ON_ERROR_STOP=1', '-qc', `CREATE TABLE ${table} (nip text, full_name text, agency_code text, region_code text, position text, platform text, handle text, spouse_of text)`]);
  await run('psql', [databaseUrl, '-v', 'ON_ERROR_STOP=1', '-qc', `\\copy ${table} FROM '${file}' WITH (FORMAT csv, HEADER true)`]);
}
