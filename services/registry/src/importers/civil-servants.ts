import type { Db } from '@netra/db';
import { importRows } from '../import-rows.js';
import { reject } from '../rejection.js';
import type { ImportOptions, ImportResult } from '../result.js';
import { civilServantColumns, formatSpouseRef, parseCivilServantRow } from '../validate/civil-servant-row.js';
import { registerAccount } from './accounts.js';

/**
 * civil-servants.csv: one row per account, so a person with two accounts has two rows repeating
 * the same NIP and person details. Agency, region and spouse candidate must be stored already.
 */
export function importCivilServants(db: Db, csvText: string, options: ImportOptions): Promise<ImportResult> {
  return importRows(db, csvText, options, {
    columns: civilServantColumns,
    parse: parseCivilServantRow,
    repeats: [
      {
        key: (row) => `NIP ${row.nip}`,
        shared: (row) => ({
          full_name: row.fullName,
          agency_code: row.agencyCode,
          region_code: row.regionCode,
          position: row.position,
          spouse_of: row.spouseOf && formatSpouseRef(row.spouseOf),
        }),
      },
    ],
    async write(repository, row) {
      const agencyId = (await repository.agencyIdByCode(row.agencyCode)) ?? reject(`unknown agency "${row.agencyCode}"`);
      if (!(await repository.regionExists(row.regionCode))) reject(`unknown region "${row.regionCode}"`);
      const spouseCandidateId =
        row.spouseOf === null
          ? null
          : ((await repository.candidateIdByBallot(row.spouseOf.electionCode, row.spouseOf.ballotNumber)) ??
            reject(`unknown spouse candidate "${formatSpouseRef(row.spouseOf)}"`));
      // A NIP names one person for good: a different name means a mistyped NIP, not a rename.
      const storedName = await repository.civilServantNameByNip(row.nip);
      if (storedName !== undefined && storedName !== row.fullName) {
        reject(`NIP ${row.nip} is registered as "${storedName}", not "${row.fullName}"`);
      }
      const person = await repository.upsertCivilServant({ ...row, agencyId, spouseCandidateId });
      const accountAdded = await registerAccount(repository, row.account, { civilServantId: person.id });
      return person.changed || accountAdded;
    },
  });
}
