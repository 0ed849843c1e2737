import type { Db } from '@netra/db';
import type { CsvSource } from '../csv-table.js';
import { importRows } from '../import-rows.js';
import { reject } from '../rejection.js';
import type { ImportOptions, ImportResult } from '../result.js';
import { candidateColumns, parseCandidateRow } from '../validate/candidate-row.js';
import { registerAccount } from './accounts.js';

/**
 * candidates.csv (see data/README.md): one row per pair or party. Upserts the election by code,
 * the candidate by election + label, and registers the candidate's official accounts.
 */
export function importCandidates(db: Db, source: CsvSource, options: ImportOptions): Promise<ImportResult> {
  return importRows(db, source, options, {
    columns: candidateColumns,
    parse: parseCandidateRow,
    repeats: [
      {
        key: ({ election }) => `election ${election.code}`,
        shared: ({ election }) => ({
          election_name: election.name,
          election_kind: election.kind,
          region_code: election.regionCode,
          campaign_starts_on: election.campaignStartsOn,
          campaign_ends_on: election.campaignEndsOn,
          vote_on: election.voteOn,
        }),
      },
      {
        key: ({ election, candidate }) => `candidate "${candidate.label}" of ${election.code}`,
        shared: ({ candidate, accounts }) => ({
          candidate_kind: candidate.kind,
          ballot_number: candidate.ballotNumber,
          names: candidate.names,
          aliases: candidate.aliases,
          hashtags: candidate.hashtags,
          accounts: accounts.map((account) => `${account.platform}:${account.handle}`),
        }),
      },
    ],
    async write(repository, { election, candidate, accounts }) {
      if (election.regionCode !== null && !(await repository.regionExists(election.regionCode))) {
        reject(`unknown region "${election.regionCode}"`);
      }
      const storedElection = await repository.upsertElection(election);
      if (candidate.ballotNumber !== null) {
        const holder = await repository.labelHoldingBallot(storedElection.id, candidate.ballotNumber);
        if (holder !== undefined && holder !== candidate.label) {
          reject(`ballot number ${candidate.ballotNumber} of ${election.code} already belongs to "${holder}"`);
        }
      }
      const storedCandidate = await repository.upsertCandidate(storedElection.id, candidate);
      let changed = storedElection.changed || storedCandidate.changed;
      for (const account of accounts) {
        changed = (await registerAccount(repository, account, { candidateId: storedCandidate.id })) || changed;
      }
      return changed;
    },
  });
}
