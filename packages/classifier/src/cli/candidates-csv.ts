import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readCsvRecords } from './csv-records.js';
import type { Candidate, CandidateDirectory, Election, ElectionKind } from '../directory/directory.js';

const nationalDir = fileURLToPath(new URL('../../../../data/elections/2024/', import.meta.url));

/**
 * The 2024 elections nationwide (data/elections/2024, provenance in its SOURCES.md): Pilpres,
 * the Pemilu parties, and the Pilkada pairs of every province and of the regencies and cities
 * compiled so far (coverage*.csv, which are not candidate files, say which).
 */
export function nationalCandidateFiles(): string[] {
  return readdirSync(nationalDir)
    .filter((file) => file.endsWith('.csv') && !file.startsWith('coverage'))
    .sort()
    .map((file) => join(nationalDir, file));
}

const jargonFile = fileURLToPath(new URL('../../../../data/elections/jargon-2024.csv', import.meta.url));

/** The national candidate files with their campaigns' distinctive jargon as extra aliases. */
export function loadNationalDirectory(): CandidateDirectory {
  return withJargon(loadCandidateFiles(nationalCandidateFiles()), jargonFile);
}

/**
 * Adds the `distinctive` rows of a jargon file (data/elections/JARGON.md) to the pairs they name:
 * as hashtags when they are hashtags, else as aliases. A row naming no known pair is an error.
 */
export function withJargon(directory: CandidateDirectory, path: string): CandidateDirectory {
  const rows = readCsvRecords(path);
  const candidates = directory.candidates.map((c) => ({ ...c, aliases: [...c.aliases], hashtags: [...c.hashtags] }));
  const byBallot = new Map(candidates.map((c) => [`${c.electionCode}#${c.ballotNumber}`, c]));
  rows.forEach((row, i) => {
    if (row['distinctive'] !== 'yes') return;
    const candidate = byBallot.get(`${row['election_code']}#${row['ballot_number']}`);
    if (!candidate) throw new Error(`${path}: row ${i + 2} names no pair (${row['election_code']} number ${row['ballot_number']})`);
    const phrase = row['phrase'] ?? '';
    if (row['kind'] === 'hashtag') candidate.hashtags.push(phrase.toLowerCase());
    else candidate.aliases.push(phrase);
  });
  return { elections: directory.elections, candidates };
}

/** Several candidate files as one directory; an election named by two files must agree. */
export function loadCandidateFiles(paths: readonly string[]): CandidateDirectory {
  const elections = new Map<string, { election: Election; path: string }>();
  const candidates: Candidate[] = [];
  for (const path of paths) {
    const directory = loadCandidatesCsv(path);
    for (const election of directory.elections) {
      const seen = elections.get(election.code);
      if (!seen) elections.set(election.code, { election, path });
      else if (JSON.stringify(seen.election) !== JSON.stringify(election)) {
        throw new Error(`${path}: election ${election.code} differs from its definition in ${seen.path}`);
      }
    }
    candidates.push(...directory.candidates);
  }
  return { elections: [...elections.values()].map((e) => e.election), candidates };
}

/**
 * Reads a candidates CSV (format in data/README.md: one row per pair or party, several values
 * separated by '|') into a candidate directory. I/O lives here, outside the pure classifier.
 */
export function loadCandidatesCsv(path: string): CandidateDirectory {
  const rows = readCsvRecords(path);
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
