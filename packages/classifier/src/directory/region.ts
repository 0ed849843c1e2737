import type { Election } from './directory.js';

/**
 * Kemendagri codes nest with fixed-width parts: '35' (Jawa Timur) > '35.73' (Kota Malang) >
 * '35.73.01'. A Pilkada applies to an ASN serving in its region or anywhere inside it (a governor
 * race covers every regency of the province); a national election applies everywhere. Compared
 * without dots so '3573' and '35.73' agree.
 */
export function electionAppliesTo(election: Election, regionCode: string | null | undefined): boolean {
  if (election.regionCode === null) return true;
  if (!regionCode) return false;
  return undotted(regionCode).startsWith(undotted(election.regionCode));
}

function undotted(code: string): string {
  return code.replaceAll('.', '');
}
