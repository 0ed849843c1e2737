import { readFile } from 'node:fs/promises';
import { errorMessage, InvalidInputError, loadConfig, runMain } from '@netra/core';
import { connectDb, type Db } from '@netra/db';
import { importAgencies, importCandidates, importCivilServants, importRegions } from './index.js';
import type { ImportOptions, ImportResult } from './result.js';

/**
 * npm run -s registry -- <command> FILE.csv
 * stdout: one JSON summary line; stderr: one `FILE:LINE: reason` line per rejected row.
 * Exit 0: every row good; 2: some rows rejected (the good ones are imported); 1: fatal.
 */
const commands: Record<string, (db: Db, csvText: string, options: ImportOptions) => Promise<ImportResult>> = {
  regions: importRegions,
  agencies: importAgencies,
  candidates: importCandidates,
  import: importCivilServants,
};

const usage = `usage: npm run -s registry -- <${Object.keys(commands).join('|')}> FILE.csv`;

runMain(async () => {
  const [command, file, ...extra] = process.argv.slice(2);
  const importFile = command === undefined ? undefined : commands[command];
  if (!importFile || file === undefined || extra.length > 0) throw new InvalidInputError(usage);

  const csvText = await readFile(file, 'utf8').catch((error: unknown) => {
    throw new InvalidInputError(`cannot read ${file} (${errorMessage(error)})`);
  });
  const { DATABASE_URL, OUTBOUND_ALLOWED_ADDRESSES } = loadConfig(['DATABASE_URL', 'OUTBOUND_ALLOWED_ADDRESSES']);
  const db = await connectDb(DATABASE_URL, { max: 1 });
  let result: ImportResult;
  try {
    result = await importFile(db, csvText, { fileName: file, outbound: { allowed: OUTBOUND_ALLOWED_ADDRESSES } });
  } finally {
    await db.destroy();
  }

  const { rows, imported, unchanged, rejected } = result;
  process.stdout.write(`${JSON.stringify({ file, rows, imported, unchanged, rejected: rejected.length })}\n`);
  for (const { line, reason } of rejected) process.stderr.write(`${file}:${line}: ${reason}\n`);
  process.exitCode = rejected.length > 0 ? 2 : 0;
});
