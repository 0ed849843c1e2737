/** The elections and candidates a classifier resolves names, hashtags and ballot numbers against. */

export type ElectionKind = 'presidential' | 'legislative' | 'regional';

export interface Election {
  code: string;
  name: string;
  kind: ElectionKind;
  /** Kemendagri code for a Pilkada; null for a national election. */
  regionCode: string | null;
  /** Dates as YYYY-MM-DD. */
  campaignStartsOn: string;
  campaignEndsOn: string;
  voteOn: string;
}

export interface Candidate {
  id?: number;
  electionCode: string;
  kind: 'pair' | 'party';
  /** Null for parties: their numbers are unverified, and a bare number never means a party. */
  ballotNumber: number | null;
  label: string;
  names: string[];
  aliases: string[];
  /** Lower case, without '#'. */
  hashtags: string[];
  /** Official account handles ('platform:handle' or 'handle'): an @mention of one is a reference. */
  accounts?: string[];
}

export interface CandidateDirectory {
  elections: Election[];
  candidates: Candidate[];
}

/** Rows as the database holds them (packages/db `elections`, `candidates`). */
export interface ElectionRow {
  id: number;
  code: string;
  name: string;
  kind: ElectionKind;
  region_code: string | null;
  campaign_starts_on: string | Date;
  campaign_ends_on: string | Date;
  vote_on: string | Date;
}

export interface CandidateRow {
  id: number;
  election_id: number;
  kind: 'pair' | 'party';
  ballot_number: number | null;
  label: string;
  names: string[];
  aliases: string[];
  hashtags: string[];
}

export function buildCandidateDirectory(rows: { elections: readonly ElectionRow[]; candidates: readonly CandidateRow[] }): CandidateDirectory {
  const codeById = new Map(rows.elections.map((e) => [e.id, e.code]));
  return {
    elections: rows.elections.map((e) => ({
      code: e.code,
      name: e.name,
      kind: e.kind,
      regionCode: e.region_code,
      campaignStartsOn: isoDate(e.campaign_starts_on),
      campaignEndsOn: isoDate(e.campaign_ends_on),
      voteOn: isoDate(e.vote_on),
    })),
    candidates: rows.candidates.map((c) => {
      const electionCode = codeById.get(c.election_id);
      if (electionCode === undefined) throw new Error(`candidate ${c.id} (${c.label}) names unknown election ${c.election_id}`);
      return {
        id: c.id,
        electionCode,
        kind: c.kind,
        ballotNumber: c.ballot_number,
        label: c.label,
        names: c.names,
        aliases: c.aliases,
        hashtags: c.hashtags,
      };
    }),
  };
}

// node-postgres returns DATE columns as local-midnight Dates: read the local calendar day back.
function isoDate(value: string | Date): string {
  if (typeof value === 'string') return value.slice(0, 10);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${value.getFullYear()}-${pad(value.getMonth() + 1)}-${pad(value.getDate())}`;
}
