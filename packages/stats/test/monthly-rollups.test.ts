import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReviewItemRepository } from '@netra/db';
import { createTestDatabase, seedKnownDataSet, type TestDatabase } from '@netra/testing';
import { wholeMonthsOf } from '../src/months.js';
import { refreshStatistics, runReport, statsQuerySchema, unrestrictedScope, type StatsRow } from '../src/index.js';

let t: TestDatabase;
let world: Awaited<ReturnType<typeof seedKnownDataSet>>;

beforeAll(async () => {
  t = await createTestDatabase();
  world = await seedKnownDataSet(t.db);
  await refreshStatistics(t.db);
});
afterAll(async () => {
  await t?.drop();
});

// The known data set's flags fall on 2024-01-10, 01-11 and 10-01 to 10-03 (WIB), decisions on
// 2024-01-10, 01-11 and 10-01: these ranges cut January and October whole or partly.
const ranges: { from?: string; to?: string }[] = [
  {},
  { from: '2024-01-11', to: '2024-10-02' },
  { from: '2023-12-20', to: '2024-10-02' },
  { from: '2024-01-11', to: '2024-10-31' },
  { from: '2024-01-01', to: '2024-01-31' },
  { from: '2024-01-11' },
  { to: '2024-10-01' },
  { from: '2024-10-02', to: '2024-10-03' },
];

describe('whole months of a date range', () => {
  it('are the months lying entirely inside it', () => {
    expect(wholeMonthsOf({ from: '2024-01-11', to: '2024-10-02' })).toEqual({ from: '2024-02-01', until: '2024-10-01' });
    expect(wholeMonthsOf({ from: '2024-01-01', to: '2024-01-31' })).toEqual({ from: '2024-01-01', until: '2024-02-01' });
    expect(wholeMonthsOf({ from: '2024-02-01', to: '2024-02-29' })).toEqual({ from: '2024-02-01', until: '2024-03-01' });
    expect(wholeMonthsOf({ from: '2024-12-02', to: '2024-12-31' })).toEqual({ from: '2025-01-01', until: '2025-01-01' });
    expect(wholeMonthsOf({ from: '2024-10-02', to: '2024-10-03' })).toEqual({ from: '2024-11-01', until: '2024-10-01' });
    expect(wholeMonthsOf({})).toEqual({ from: null, until: null });
  });
});

const sortKey = (row: StatsRow) => JSON.stringify(Object.entries(row).sort());

describe('counts from monthly and daily rollups', () => {
  /** The same counts summed from stats_daily alone: grouped by day as well (which reads only days), then summed over days. */
  async function fromDailyAlone(by: string, range: { from?: string; to?: string }): Promise<StatsRow[]> {
    const report = await runReport(t.db, 'counts', statsQuerySchema.parse({ ...range, by: [by, 'day'].filter(Boolean).join(',') }), unrestrictedScope);
    const groups = new Map<string, StatsRow>();
    for (const { day: _day, ...row } of report.rows) {
      const keys = Object.fromEntries(Object.entries(row).filter(([k]) => !['flags', 'confirmed', 'dismissed', 'decided', 'pending', 'confirm_rate'].includes(k)));
      const key = JSON.stringify(keys);
      const sum = groups.get(key) ?? { ...keys, flags: 0, confirmed: 0, dismissed: 0, decided: 0, pending: 0 };
      for (const m of ['flags', 'confirmed', 'dismissed', 'decided', 'pending']) sum[m] = Number(sum[m]) + Number(row[m]);
      groups.set(key, sum);
    }
    return [...groups.values()].map((g) => {
      const decided = Number(g.decided);
      return { ...g, confirm_rate: decided === 0 ? null : Math.round(((decided - Number(g.dismissed)) / decided) * 10_000) / 10_000 };
    });
  }

  it('give the same numbers as the daily rollup alone, for ranges of partial and whole months', async () => {
    for (const range of ranges) {
      for (const by of ['', 'agency,code', 'province,regency,severity', 'election,platform']) {
        const report = await runReport(t.db, 'counts', statsQuerySchema.parse({ ...range, by }), unrestrictedScope);
        const expected = await fromDailyAlone(by, range);
        // Totals of an empty selection are one row of zeros.
        if (by === '' && expected.length === 0) expected.push({ flags: 0, confirmed: 0, dismissed: 0, decided: 0, pending: 0, confirm_rate: null });
        expect(report.rows.map(sortKey).sort(), JSON.stringify({ range, by })).toEqual(expected.map(sortKey).sort());
      }
    }
  });
});

describe('decisions per reviewer from the monthly rollup', () => {
  it('give the same numbers as the decided facts alone, for ranges of partial and whole months', async () => {
    for (const range of ranges) {
      const { rows: expected } = await sql<StatsRow>`
        SELECT f.decided_by AS reviewer_id, count(*)::int AS decisions,
               count(*) FILTER (WHERE f.decision = 'confirmed')::int AS confirmed,
               round(percentile_cont(0.5) WITHIN GROUP (ORDER BY f.decision_seconds))::int AS median_seconds
        FROM stats_flags f
        WHERE f.decision IS NOT NULL
          AND (f.decided_at AT TIME ZONE 'Asia/Jakarta')::date BETWEEN ${range.from ?? '-infinity'}::date AND ${range.to ?? 'infinity'}::date
        GROUP BY f.decided_by
        ORDER BY decisions DESC, reviewer_id
      `.execute(t.db);
      const report = await runReport(t.db, 'reviewers', statsQuerySchema.parse(range), unrestrictedScope);
      expect(report.rows.map((r) => ({ reviewer_id: r.reviewer_id, decisions: r.decisions, confirmed: r.confirmed, median_seconds: r.median_seconds })), JSON.stringify(range)).toEqual(expected);
    }
  });
});

describe('incremental refresh', () => {
  it('keeps the monthly rollups equal to the sums of their days and facts', async () => {
    const repository = new ReviewItemRepository(t.db);
    await repository.append({ itemId: world.items.openB, type: 'claimed', actorUserId: world.reviewerB.id, leaseSeconds: 300 });
    await repository.append({ itemId: world.items.openB, type: 'confirmed', actorUserId: world.reviewerB.id, payload: { code: 'mobilization', severity: 'berat' } });
    expect((await refreshStatistics(t.db))?.items).toBeGreaterThan(0);

    const { rows: monthlyMismatches } = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM (
        (SELECT date_trunc('month', day)::date, agency_id, region_code, province_code, election_code, platform, code, severity,
                sum(flags), sum(flags_decided), sum(flags_confirmed), sum(code_flags), sum(code_decided), sum(code_confirmed), sum(confirmed)
         FROM stats_daily GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
         EXCEPT
         SELECT month, agency_id, region_code, province_code, election_code, platform, code, severity,
                flags, flags_decided, flags_confirmed, code_flags, code_decided, code_confirmed, confirmed
         FROM stats_monthly)
        UNION ALL
        (SELECT month, agency_id, region_code, province_code, election_code, platform, code, severity,
                flags, flags_decided, flags_confirmed, code_flags, code_decided, code_confirmed, confirmed
         FROM stats_monthly
         EXCEPT
         SELECT date_trunc('month', day)::date, agency_id, region_code, province_code, election_code, platform, code, severity,
                sum(flags), sum(flags_decided), sum(flags_confirmed), sum(code_flags), sum(code_decided), sum(code_confirmed), sum(confirmed)
         FROM stats_daily GROUP BY 1, 2, 3, 4, 5, 6, 7, 8)
      ) d
    `.execute(t.db);
    expect(monthlyMismatches[0]!.n).toBe(0);

    const { rows: decisions } = await sql<{ rollup: number; facts: number }>`
      SELECT (SELECT sum(cardinality(decision_seconds)) FROM stats_reviewer_monthly)::int AS rollup,
             (SELECT count(*) FROM stats_flags WHERE decision IS NOT NULL)::int AS facts
    `.execute(t.db);
    expect(decisions[0]).toEqual({ rollup: 5, facts: 5 });
  });
});
