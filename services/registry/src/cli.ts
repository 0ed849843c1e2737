import { open } from 'node:fs/promises';
import { errorMessage, InvalidInputError, loadConfig, parseCommandLine, runMain } from '@netra/core';
import { connectDb, type Db } from '@netra/db';
import type { CsvSource } from './csv-table.js';
import { importAgencies, importCandidates, importCivilServants, importRegions } from './index.js';
import { progressReporter } from './progress.js';
import { ImportInterrupted, type ImportOptions, type ImportResult } from './result.js';

/**
 * npm run -s registry -- <command> FILE.csv
 * stdout: one JSON summary line; stderr: one `FILE:LINE: reason` line per rejected row, and on a
 * long import a progress line every few seconds.
 * Exit 0: every row good; 2: some rows rejected (the good ones are imported); 1: fatal.
 */
const commands: Record<string, (db: Db, source: CsvSource, options: ImportOptions) => Promise<ImportResult>> = {
  regions: importRegions,
  agencies: importAgencies,
  candidates: importCandidates,
  import: importCivilServants,
};

const usage = `usage: npm run -s registry -- <${Object.keys(commands).join('|')}> FILE.csv`;

runMain(async () => {
  const [command, file, ...extra] = parseCommandLine(usage, { allowPositionals: true, options: {} }).positionals;
  const importFile = command === undefined ? undefined : commands[command];
  if (!importFile || file === undefined || extra.length > 0) throw new InvalidInputError(usage);

  const handle = await open(file).catch((error: unknown) => {
    throw new InvalidInputError(`cannot read ${file} (${errorMessage(error)})`);
  });
  const { size } = await handle.stat();
  const input = handle.createReadStream();

  const { DATABASE_URL, OUTBOUND_ALLOWED_ADDRESSES } = loadConfig(['DATABASE_URL', 'OUTBOUND_ALLOWED_ADDRESSES']);
  const db = await connectDb(DATABASE_URL, { max: 1 });
  const onProgress = progressReporter({ bytesRead: () => input.bytesRead, size }, (line) => process.stderr.write(`${line}\n`));
  let result: ImportResult;
  try {
    result = await importFile(db, input, { fileName: file, outbound: { allowed: OUTBOUND_ALLOWED_ADDRESSES }, onProgress });
  } catch (error) {
    // What committed before the fault is reported as a normal summary would be, then the fault.
    if (error instanceof ImportInterrupted) report(file, error.committed);
    throw error;
  } finally {
    await db.destroy();
    await handle.close().catch(() => undefined);
  }
  report(file, result);
  process.exitCode = result.rejected.length > 0 ? 2 : 0;
});

function report(file: string, { rows, imported, unchanged, rejected }: ImportResult): void {
  process.stdout.write(`${JSON.stringify({ file, rows, imported, unchanged, rejected: rejected.length })}\n`);
  for (const { line, reason } of rejected) process.stderr.write(`${file}:${line}: ${reason}\n`);
}
