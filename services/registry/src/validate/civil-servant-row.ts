import { checkNip } from '@netra/core';
import type { Fields } from '../csv-table.js';
import { reject } from '../rejection.js';
import { account, optional, required, type AccountRef } from './fields.js';

export const civilServantColumns = [
  'nip',
  'full_name',
  'agency_code',
  'region_code',
  'position',
  'platform',
  'handle',
  'spouse_of',
] as const;

export interface SpouseRef {
  electionCode: string;
  ballotNumber: number;
}

export interface CivilServantRow {
  nip: string;
  fullName: string;
  agencyCode: string;
  regionCode: string;
  position: string | null;
  /** The candidate this person is married to: the allowed-exception case in shared/DOMAIN.md. */
  spouseOf: SpouseRef | null;
  account: AccountRef;
}

export function parseCivilServantRow(fields: Fields<(typeof civilServantColumns)[number]>): CivilServantRow {
  const nip = checkNip(required(fields, 'nip'));
  if (!nip.ok) reject(nip.reason);
  const spouseOf = optional(fields, 'spouse_of');
  return {
    nip: nip.nip,
    fullName: required(fields, 'full_name'),
    agencyCode: required(fields, 'agency_code'),
    regionCode: required(fields, 'region_code'),
    position: optional(fields, 'position'),
    spouseOf: spouseOf === null ? null : parseSpouseRef(spouseOf),
    account: account(required(fields, 'platform'), required(fields, 'handle')),
  };
}

function parseSpouseRef(value: string): SpouseRef {
  const match = /^([^#]+)#([1-9]\d*)$/.exec(value);
  if (!match?.[1] || !match[2]) return reject(`spouse_of must be election_code#ballot_number, got "${value}"`);
  return { electionCode: match[1], ballotNumber: Number(match[2]) };
}

export function formatSpouseRef(spouse: SpouseRef): string {
  return `${spouse.electionCode}#${spouse.ballotNumber}`;
}
