/**
 * Indonesia's provinces, regencies and cities by Kemendagri code, and the names people write for
 * them: 'Jawa Timur', 'jatim', 'Kab. Malang', 'Kabupaten Malang', 'Kota Malang', 'KOTA MALANG',
 * '35.73' and '3573'. A bare 'Malang' names both a regency and a city, so it is refused as
 * ambiguous rather than guessed.
 */
export type RegionKind = 'province' | 'regency' | 'city';

export interface Region {
  /** Dotted Kemendagri code: '35', '35.73'. */
  code: string;
  name: string;
  kind: RegionKind;
  parentCode: string | null;
}

export type RegionLookup = { region: Region } | { error: string };

export interface RegionDirectory {
  regions: readonly Region[];
  /** A code ('35.73', '3573') or a name, case- and diacritic-insensitive. */
  lookup(input: string): RegionLookup;
}

/** Short forms a name also goes by ('jatim' -> '35'), from data/regions/aliases.csv. */
export interface RegionAlias {
  code: string;
  alias: string;
}

const regencyPrefix = /^(?:kabupaten|kab)\s+/;
const cityPrefix = /^(?:kota\s+administrasi|kota\s+adm|kota)\s+/;

export function createRegionDirectory(regions: readonly Region[], aliases: readonly RegionAlias[] = []): RegionDirectory {
  const byCode = new Map(regions.map((r) => [r.code, r]));
  // Official names and short forms first ('Jambi' is the province, 'Kota Jambi' the city), then
  // the forms without 'Kabupaten'/'Kota' ('Malang', which is both a regency and a city).
  const official = new Map<string, Region[]>();
  const derived = new Map<string, Region[]>();
  const add = (map: Map<string, Region[]>, key: string, region: Region): void => {
    const list = map.get(key);
    if (!list) map.set(key, [region]);
    else if (!list.includes(region)) list.push(region);
  };
  for (const region of regions) {
    const key = nameKey(region.name);
    add(official, key, region);
    const bare = key.replace(regencyPrefix, '').replace(cityPrefix, '');
    if (bare !== key) {
      add(derived, bare, region);
      add(derived, `${region.kind === 'city' ? 'kota' : 'kabupaten'} ${bare}`, region);
    }
  }
  for (const { code, alias } of aliases) {
    const region = byCode.get(code);
    if (!region) throw new Error(`region alias '${alias}' names unknown code ${code}`);
    add(official, nameKey(alias), region);
  }
  const named = (key: string): Region[] | undefined => official.get(key) ?? derived.get(key);

  function lookup(input: string): RegionLookup {
    const text = input.trim();
    if (/^\d[\d.]*$/.test(text)) {
      const region = byCode.get(dotted(text));
      return region ? { region } : { error: `region code '${input}' is not a Kemendagri province, regency or city code` };
    }
    const key = nameKey(text);
    // 'Kab. Malang' and 'Kota Malang' say which one; 'Malang' alone does not.
    const normalised = key.replace(regencyPrefix, 'kabupaten ').replace(cityPrefix, 'kota ');
    const found = named(normalised) ?? named(key) ?? [];
    if (found.length === 1) return { region: found[0]! };
    if (found.length > 1) {
      return { error: `region '${input}' is ambiguous: ${found.map((r) => `${r.name} (${r.code})`).join(' or ')}` };
    }
    return { error: `region '${input}' is not a known province, regency or city (give a Kemendagri code such as '35.73' or a name such as 'Kota Malang')` };
  }

  return { regions, lookup };
}

/** Lower case, without diacritics, dots or doubled spaces: 'Kab.  Pasuruan' -> 'kab pasuruan'. */
export function nameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[.,'’()-]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Kemendagri codes undotted ('3573') are read in their parts of 2 + 2 + 2 + 4 digits ('35.73'). */
function dotted(code: string): string {
  if (code.includes('.')) return code;
  const parts = [code.slice(0, 2), code.slice(2, 4), code.slice(4, 6), code.slice(6)].filter((p) => p !== '');
  return parts.join('.');
}
