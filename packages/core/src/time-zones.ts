/**
 * Indonesia's three time zones. Reviewers reason in local time (a post at 23:30 WITA on the
 * eve of the quiet period is not one at 23:30 WIB), so every time a person reads names its zone.
 */
export const localZones = { WIB: 'Asia/Jakarta', WITA: 'Asia/Makassar', WIT: 'Asia/Jayapura' } as const;
export type LocalZone = keyof typeof localZones;

/**
 * The provinces outside WIB, by Kemendagri code (the first two digits of every region code under
 * them); every other province is WIB, the national reference, as is a region not known.
 */
export const provincesOutsideWib: Readonly<Record<Exclude<LocalZone, 'WIB'>, readonly string[]>> = {
  WITA: ['51', '52', '53', '63', '64', '65', '71', '72', '73', '74', '75', '76'],
  WIT: ['81', '82', '91', '92', '93', '94', '95', '96'],
};

export function localZoneOf(regionCode: string | null | undefined): LocalZone {
  const province = regionCode?.slice(0, 2) ?? '';
  if (provincesOutsideWib.WITA.includes(province)) return 'WITA';
  if (provincesOutsideWib.WIT.includes(province)) return 'WIT';
  return 'WIB';
}
