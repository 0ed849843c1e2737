/**
 * Indonesia's three time zones. Reviewers reason in local time (a post at 23:30 WITA on the
 * eve of the quiet period is not one at 23:30 WIB), so every time a person reads names its zone.
 */
export const localZones = { WIB: 'Asia/Jakarta', WITA: 'Asia/Makassar', WIT: 'Asia/Jayapura' } as const;
export type LocalZone = keyof typeof localZones;

// Provinces by Kemendagri code (the first two digits of every region code under them).
const witaProvinces = new Set(['51', '52', '53', '63', '64', '65', '71', '72', '73', '74', '75', '76']);
const witProvinces = new Set(['81', '82', '91', '92', '93', '94', '95', '96']);

/** The zone of a region; WIB, the national reference, for one not known. */
export function localZoneOf(regionCode: string | null | undefined): LocalZone {
  const province = regionCode?.slice(0, 2) ?? '';
  if (witaProvinces.has(province)) return 'WITA';
  if (witProvinces.has(province)) return 'WIT';
  return 'WIB';
}
