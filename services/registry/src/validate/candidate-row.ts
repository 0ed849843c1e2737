import type { Fields } from '../csv-table.js';
import { reject } from '../rejection.js';
import { accountRef, isoDate, list, oneOf, optional, positiveInteger, required, type AccountRef } from './fields.js';

export const candidateColumns = [
  'election_code',
  'election_name',
  'election_kind',
  'region_code',
  'campaign_starts_on',
  'campaign_ends_on',
  'vote_on',
  'candidate_kind',
  'ballot_number',
  'label',
  'names',
  'aliases',
  'hashtags',
  'accounts',
] as const;

const electionKinds = ['presidential', 'legislative', 'regional'] as const;
const candidateKinds = ['pair', 'party'] as const;

export interface ElectionRow {
  code: string;
  name: string;
  kind: (typeof electionKinds)[number];
  /** Null for a national election; a regional one (Pilkada) always has its region. */
  regionCode: string | null;
  campaignStartsOn: string;
  campaignEndsOn: string;
  voteOn: string;
}

export interface CandidateRow {
  kind: (typeof candidateKinds)[number];
  /** Null for parties: their ballot numbers are not verified (see data/README.md). */
  ballotNumber: number | null;
  label: string;
  names: string[];
  aliases: string[];
  hashtags: string[];
}

export interface CandidateFileRow {
  election: ElectionRow;
  candidate: CandidateRow;
  /** The candidate's official accounts, watched for who engages with them. */
  accounts: AccountRef[];
}

export function parseCandidateRow(fields: Fields<(typeof candidateColumns)[number]>): CandidateFileRow {
  const ballotNumber = optional(fields, 'ballot_number');
  const candidate: CandidateRow = {
    kind: oneOf('candidate_kind', required(fields, 'candidate_kind'), candidateKinds),
    ballotNumber: ballotNumber === null ? null : positiveInteger('ballot_number', ballotNumber),
    label: required(fields, 'label'),
    names: list(required(fields, 'names')),
    aliases: list(fields.aliases),
    // Stored as the classifier matches them: lower case, without '#'.
    hashtags: list(fields.hashtags).map((tag) => tag.replace(/^#/, '').toLowerCase()),
  };
  return { election: parseElection(fields), candidate, accounts: list(fields.accounts).map(accountRef) };
}

function parseElection(fields: Fields<(typeof candidateColumns)[number]>): ElectionRow {
  const election: ElectionRow = {
    code: required(fields, 'election_code'),
    name: required(fields, 'election_name'),
    kind: oneOf('election_kind', required(fields, 'election_kind'), electionKinds),
    regionCode: optional(fields, 'region_code'),
    campaignStartsOn: isoDate('campaign_starts_on', required(fields, 'campaign_starts_on')),
    campaignEndsOn: isoDate('campaign_ends_on', required(fields, 'campaign_ends_on')),
    voteOn: isoDate('vote_on', required(fields, 'vote_on')),
  };
  // The same rules the elections table CHECKs, named here so the row gets a readable reason.
  if ((election.kind === 'regional') !== (election.regionCode !== null)) {
    reject(election.kind === 'regional' ? 'a regional election needs a region_code' : `a ${election.kind} election has no region_code`);
  }
  if (election.campaignStartsOn > election.campaignEndsOn) reject('campaign_starts_on is after campaign_ends_on');
  if (election.campaignEndsOn >= election.voteOn) reject('campaign_ends_on must be before vote_on');
  return election;
}
