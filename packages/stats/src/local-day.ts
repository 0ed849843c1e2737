import { sql, type RawBuilder } from 'kysely';
import { localZones, provincesOutsideWib } from '@netra/core';

/**
 * The IANA zone of a region code, in SQL, from the same table the pages use: a day in the
 * statistics is the civil servant's local calendar day, as the pages show their times.
 */
export function localZoneSql(regionCode: RawBuilder<unknown>): RawBuilder<string> {
  const branches = Object.entries(provincesOutsideWib).map(
    ([zone, provinces]) => sql`WHEN left(${regionCode}, 2) IN (${sql.join(provinces.map((p) => sql.lit(p)))}) THEN ${sql.lit(localZones[zone as keyof typeof localZones])}`,
  );
  return sql<string>`(CASE ${sql.join(branches, sql` `)} ELSE ${sql.lit(localZones.WIB)} END)`;
}
