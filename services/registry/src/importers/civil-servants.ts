import type { Db } from '@netra/db';
import { openCsvTable, type CsvSource } from '../csv-table.js';
import { accountKey, RegistryRepository, type CivilServantValues } from '../registry-repository.js';
import { reject, rowRejectionReason } from '../rejection.js';
import { ImportInterrupted, type ImportOptions, type ImportResult } from '../result.js';
import { civilServantColumns, formatSpouseRef, parseCivilServantRow, type CivilServantRow } from '../validate/civil-servant-row.js';
import { RepeatGuard, type RepeatRule } from '../validate/repeats.js';
import { duplicateHandle } from './accounts.js';

/**
 * Rows written per transaction unless ImportOptions.batchRows says otherwise. A national registry
 * has millions of rows: one statement per batch and table keeps the round trips few (20,000 ran
 * 1.2-1.3× faster than 5,000 on 300k rows here), and a batch stays small enough that a failed one
 * costs little to redo row by row.
 */
const DEFAULT_BATCH_ROWS = 20_000;

/** A row that passed every check the file alone can make, with its references resolved. */
interface PendingRow {
  line: number;
  row: CivilServantRow;
  person: CivilServantValues;
}

type Outcome = { line: number; changed: boolean } | { line: number; reason: string };

const samePerson: RepeatRule<CivilServantRow> = {
  key: (row) => `NIP ${row.nip}`,
  shared: (row) => ({
    full_name: row.fullName,
    agency_code: row.agencyCode,
    region_code: row.regionCode,
    position: row.position,
    spouse_of: row.spouseOf && formatSpouseRef(row.spouseOf),
  }),
};

/**
 * civil-servants.csv: one row per account, so a person with two accounts has two rows repeating
 * the same NIP and person details. Agency, region and spouse candidate must be stored already.
 *
 * Read as a stream and written in batches, each all or nothing: the file's own checks (fields,
 * repeats, references, a handle claimed twice) run in code as rows arrive; the checks against
 * the stored registry (a NIP under another name, a handle someone else holds) run as one query
 * per batch. A rejected row leaves nothing behind, not even the person of its only row.
 */
export async function importCivilServants(db: Db, source: CsvSource, options: ImportOptions): Promise<ImportResult> {
  const table = await openCsvTable(source, civilServantColumns, options.fileName);
  const references = await loadReferences(new RegistryRepository(db));
  const repeats = new RepeatGuard([samePerson]);
  // Who claimed each handle earlier in this file: a second person naming it is a mistake in the file.
  const handleOwners = new Map<string, string>();
  const result: ImportResult = { rows: 0, imported: 0, unchanged: 0, rejected: [] };
  const batchRows = options.batchRows ?? DEFAULT_BATCH_ROWS;
  let batch: PendingRow[] = [];
  // One batch is written while the next is read and checked: the two cores share the work.
  // Batches still commit in file order, so each one's checks see every batch before it.
  let writing: Promise<void> = Promise.resolve();
  let writeFailure: { error: unknown } | undefined;
  const written = async () => {
    await writing;
    if (writeFailure) throw writeFailure.error;
  };
  const flush = async () => {
    await written();
    const rows = batch;
    batch = [];
    writing = writeBatch(db, rows).then(
      (outcomes) => {
        for (const outcome of outcomes) {
          if ('reason' in outcome) result.rejected.push(outcome);
          else result[outcome.changed ? 'imported' : 'unchanged'] += 1;
        }
        options.onProgress?.(result);
      },
      (error: unknown) => {
        writeFailure = { error };
      },
    );
  };

  try {
    for await (const record of table.records) {
      result.rows += 1;
      try {
        const row = parseCivilServantRow(table.fieldsOf(record));
        repeats.check(row);
        const person = references.resolve(row);
        const key = accountKey(row.account);
        const owner = handleOwners.get(key);
        if (owner !== undefined && owner !== row.nip) reject(duplicateHandle(row.account, { nip: owner, candidate_label: null, election_code: null }));
        handleOwners.set(key, row.nip);
        repeats.remember(row, record.line);
        batch.push({ line: record.line, row, person });
      } catch (error) {
        const reason = rowRejectionReason(error);
        if (reason === null) throw error;
        result.rejected.push({ line: record.line, reason });
      }
      if (batch.length >= batchRows) await flush();
    }
    if (batch.length > 0) await flush();
    await written();
  } catch (error) {
    await writing;
    if (result.imported + result.unchanged === 0) throw error;
    throw new ImportInterrupted(inLineOrder(result), error);
  }
  return inLineOrder(result);
}

/** Rows the file itself refutes are known at once, the stored registry's refusals per batch. */
function inLineOrder(result: ImportResult): ImportResult {
  result.rejected.sort((a, b) => a.line - b.line);
  return result;
}

/** Agencies, regions and candidates are few: looked up in memory, not once per row. */
async function loadReferences(repository: RegistryRepository) {
  const [agencyIds, regionCodes, candidateIds] = await Promise.all([
    repository.agencyIdsByCode(),
    repository.regionCodes(),
    repository.candidateIdsByBallot(),
  ]);
  return {
    resolve(row: CivilServantRow): CivilServantValues {
      const agencyId = agencyIds.get(row.agencyCode) ?? reject(`unknown agency "${row.agencyCode}"`);
      if (!regionCodes.has(row.regionCode)) reject(`unknown region "${row.regionCode}"`);
      const spouse = row.spouseOf && formatSpouseRef(row.spouseOf);
      const spouseCandidateId = spouse === null ? null : (candidateIds.get(spouse) ?? reject(`unknown spouse candidate "${spouse}"`));
      return { nip: row.nip, fullName: row.fullName, agencyId, regionCode: row.regionCode, position: row.position, spouseCandidateId };
    },
  };
}

/**
 * One transaction for the batch. If the database refuses it (class 23: a concurrent import took
 * a handle or NIP between our read and our write), each row is redone in its own transaction,
 * so only the rows that truly conflict are rejected.
 */
async function writeBatch(db: Db, batch: readonly PendingRow[]): Promise<Outcome[]> {
  try {
    return await db.transaction().execute((trx) => writeRows(new RegistryRepository(trx), batch));
  } catch (error) {
    if (batch.length === 1 || rowRejectionReason(error) === null) throw error;
  }
  const outcomes: Outcome[] = [];
  for (const pending of batch) {
    try {
      outcomes.push(...(await writeBatch(db, [pending])));
    } catch (error) {
      const reason = rowRejectionReason(error);
      if (reason === null) throw error;
      outcomes.push({ line: pending.line, reason });
    }
  }
  return outcomes;
}

/** Checks the rows against the stored registry and writes the good ones: four statements in all. */
async function writeRows(repository: RegistryRepository, batch: readonly PendingRow[]): Promise<Outcome[]> {
  const storedNames = await repository.civilServantNamesByNip([...new Set(batch.map(({ row }) => row.nip))]);
  const holders = await repository.accountHolders(batch.map(({ row }) => row.account));

  const outcomes: Outcome[] = [];
  const kept: Array<PendingRow & { newAccount: boolean }> = [];
  const people = new Map<string, CivilServantValues>();
  const newAccounts = new Map<string, PendingRow>();
  for (const pending of batch) {
    const { row, line } = pending;
    const storedName = storedNames.get(row.nip);
    // A NIP names one person for good: a different name means a mistyped NIP, not a rename.
    if (storedName !== undefined && storedName !== row.fullName) {
      outcomes.push({ line, reason: `NIP ${row.nip} is registered as "${storedName}", not "${row.fullName}"` });
      continue;
    }
    const key = accountKey(row.account);
    const holder = holders.get(key);
    if (holder && holder.nip !== row.nip) {
      outcomes.push({ line, reason: duplicateHandle(row.account, holder) });
      continue;
    }
    // The same handle on two rows of one person: the first registers it, the second changes nothing.
    const newAccount = !holder && !newAccounts.has(key);
    if (newAccount) newAccounts.set(key, pending);
    if (!people.has(row.nip)) people.set(row.nip, pending.person);
    kept.push({ ...pending, newAccount });
  }

  const changedPeople = await repository.upsertCivilServants([...people.values()]);
  await repository.insertCivilServantAccounts([...newAccounts.values()].map(({ row }) => ({ ...row.account, nip: row.nip })));
  // A person's change is counted on their first row; each row also counts for its own account.
  const counted = new Set<string>();
  for (const { line, row, newAccount } of kept) {
    const personChanged = changedPeople.has(row.nip) && !counted.has(row.nip);
    counted.add(row.nip);
    outcomes.push({ line, changed: personChanged || newAccount });
  }
  return outcomes;
}
