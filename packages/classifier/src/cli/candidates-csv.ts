import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { Candidate, CandidateDirectory, Election, ElectionKind } from '../directory/directory.js';

/**
 * Reads a candidates CSV (format in data/README.md: one row per pair or party, several values
 * separated by '|') into a candidate directory. I/O lives here, outside the pure classifier.
 */
export function loadCandidatesCsv(path: string): CandidateDirectory {
  const rows = parse(readFileSync(path, 'utf8'), { columns: true, skip_empty_lines: true, trim: true }) as Record<string, string>[];
  const elections = new Map<string, Election>();
  const candidates: Candidate[] = [];
  rows.forEach((row, i) => {
    const field = (name: string): string => {
      const value = row[name];
      if (value === undefined) throw new Error(`${path}: row ${i + 2} has no column '${name}'`);
      return value;
    };
    const code = field('election_code');
    if (!elections.has(code)) {
      elections.set(code, {
        code,
        name: field('election_name'),
        kind: field('election_kind') as ElectionKind,
        regionCode: field('region_code') || null,
        campaignStartsOn: field('campaign_starts_on'),
        campaignEndsOn: field('campaign_ends_on'),
        voteOn: field('vote_on'),
      });
    }
    const ballot = field('ballot_number');
    candidates.push({
      electionCode: code,
      kind: field('candidate_kind') === 'party' ? 'party' : 'pair',
      ballotNumber: ballot === '' ? null : Number(ballot),
      label: field('label'),
      names: list(field('names')),
      aliases: list(field('aliases')),
      hashtags: list(field('hashtags')),
      accounts: list(row['accounts'] ?? ''),
    });
  });
  return { elections: [...elections.values()], candidates };
}

function list(value: string): string[] {
  return value === '' ? [] : value.split('|').map((v) => v.trim());
}
