import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseCsv } from './csv.js';

/** A row of data/demo/candidates.csv, as the demo world needs it. */
export interface DemoCandidate {
  electionCode: string;
  regionCode: string | null;
  campaignStartsOn: string;
  campaignEndsOn: string;
  voteOn: string;
  kind: 'pair' | 'party';
  ballotNumber: number | null;
  label: string;
  names: string[];
  aliases: string[];
  hashtags: string[];
  /** The handle after `mastodon:` in the accounts column. */
  mastodonHandle: string;
}

export const candidatesCsvPath = fileURLToPath(new URL('../../../../data/demo/candidates.csv', import.meta.url));

const list = (value: string | undefined) => (value ? value.split('|').filter(Boolean) : []);

export function loadDemoCandidates(path = candidatesCsvPath): DemoCandidate[] {
  return parseCsv(readFileSync(path, 'utf8')).map((row) => {
    const handle = list(row.accounts).find((account) => account.startsWith('mastodon:'));
    if (!handle) throw new Error(`${path}: candidate "${row.label}" has no mastodon: account`);
    return {
      electionCode: row.election_code!,
      regionCode: row.region_code || null,
      campaignStartsOn: row.campaign_starts_on!,
      campaignEndsOn: row.campaign_ends_on!,
      voteOn: row.vote_on!,
      kind: row.candidate_kind === 'party' ? 'party' : 'pair',
      ballotNumber: row.ballot_number ? Number(row.ballot_number) : null,
      label: row.label!,
      names: list(row.names),
      aliases: list(row.aliases),
      hashtags: list(row.hashtags),
      mastodonHandle: handle.slice('mastodon:'.length),
    };
  });
}
