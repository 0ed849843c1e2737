import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReviewItemRepository } from '@netra/db';
import { createTestDatabase, seedKnownDataSet, type TestDatabase } from '@netra/testing';
import { refreshStatistics, runReport, statsQuerySchema, statsScopeOf, toCsv, unrestrictedScope, type StatsScope } from '../src/index.js';

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

const query = (params: Record<string, string> = {}) => statsQuerySchema.parse(params);
const counts = async (params: Record<string, string> = {}, scope: StatsScope = unrestrictedScope) =>
  (await runReport(t.db, 'counts', query(params), scope)).rows;

describe('flag counts', () => {
  it('totals every flag and decision', async () => {
    expect(await counts()).toEqual([{ flags: 6, confirmed: 3, dismissed: 1, decided: 4, pending: 2, confirm_rate: 0.75 }]);
  });

  it('groups by agency', async () => {
    expect(await counts({ by: 'agency' })).toEqual([
      { agency_code: 'pemprov-dki', agency_name: 'Instansi pemprov-dki', flags: 3, confirmed: 2, dismissed: 1, decided: 3, pending: 0, confirm_rate: 0.6667 },
      { agency_code: 'pemkot-malang', agency_name: 'Instansi pemkot-malang', flags: 3, confirmed: 1, dismissed: 0, decided: 1, pending: 2, confirm_rate: 1 },
    ]);
  });

  it("groups by code: flags under each of their codes, confirmations under the reviewer's code, and the confirm rate per code", async () => {
    const rows = await counts({ by: 'code' });
    expect(rows.map(({ code, flags, confirmed, decided, dismissed, pending, confirm_rate }) => [code, flags, confirmed, decided, dismissed, pending, confirm_rate])).toEqual([
      ['campaign_content', 3, 0, 2, 1, 1, 0.5],
      ['number_symbol', 3, 1, 2, 1, 1, 0.5],
      ['party_attribute', 0, 1, 0, 0, 0, null],
      ['support_like', 1, 1, 1, 0, 0, 1],
    ]);
  });

  it('groups by province and regency, platform, severity and election', async () => {
    expect((await counts({ by: 'province,regency' })).map((r) => [r.province_code, r.province_name, r.regency_code, r.regency_name, r.flags])).toEqual([
      ['31', 'DKI Jakarta', '31.71', 'Kota Jakarta Pusat', 3],
      ['35', 'Jawa Timur', '35.73', 'Kota Malang', 3],
    ]);
    expect((await counts({ by: 'platform' })).map((r) => [r.platform, r.flags])).toEqual([
      ['bluesky', 2],
      ['mastodon', 2],
      ['x', 2],
    ]);
    // Flags carry the classifier's suggested severity; confirmations the reviewer's.
    expect((await counts({ by: 'severity' })).map((r) => [r.severity, r.flags, r.confirmed])).toEqual([
      ['berat', 6, 2],
      ['sedang', 0, 1],
    ]);
    expect((await counts({ by: 'election' })).map((r) => [r.election_code, r.flags])).toEqual([
      ['pilpres-2024', 3],
      ['pilwalkot-malang-2024', 2],
      [null, 1],
    ]);
  });

  it('groups by day and week in WIB', async () => {
    expect((await counts({ by: 'day' })).map((r) => [r.day, r.flags])).toEqual([
      ['2024-01-10', 2],
      ['2024-01-11', 1],
      ['2024-10-01', 1],
      ['2024-10-02', 1],
      ['2024-10-03', 1],
    ]);
    expect((await counts({ by: 'week' })).map((r) => [r.week, r.flags])).toEqual([
      ['2024-01-08', 3],
      ['2024-09-30', 3],
    ]);
  });

  it('filters by date range, election and agency', async () => {
    expect((await counts({ from: '2024-10-01', to: '2024-10-02' }))[0]!.flags).toBe(2);
    expect((await counts({ election: 'pilpres-2024' }))[0]!.flags).toBe(3);
    expect((await counts({ agency: 'pemkot-malang' }))[0]!.flags).toBe(3);
    expect((await counts({ agency: String(world.agencyA.id), by: 'code' })).map((r) => r.code)).toEqual(['campaign_content', 'number_symbol', 'support_like']);
  });
});

describe('decision times, backlog and reviewers', () => {
  it('gives the median and 90th percentile from flag to decision', async () => {
    const overall = await runReport(t.db, 'decision-times', query(), unrestrictedScope);
    // 1 h, 2 h, 4 h and 10 h.
    expect(overall.rows).toEqual([{ decided: 4, median_seconds: 10_800, p90_seconds: 29_520 }]);
    const byAgency = await runReport(t.db, 'decision-times', query({ by: 'agency' }), unrestrictedScope);
    expect(byAgency.rows.map((r) => [r.agency_code, r.decided, r.median_seconds, r.p90_seconds])).toEqual([
      ['pemprov-dki', 3, 14_400, 31_680],
      ['pemkot-malang', 1, 3_600, 3_600],
    ]);
  });

  it('counts the undecided backlog by age, per agency', async () => {
    const backlog = await runReport(t.db, 'backlog', query({ by: 'agency' }), unrestrictedScope);
    expect(backlog.rows).toEqual([
      { agency_code: 'pemkot-malang', agency_name: 'Instansi pemkot-malang', undecided: 2, under_1d: 0, from_1d_to_3d: 0, from_3d_to_7d: 0, from_7d_to_14d: 0, over_14d: 2, oldest_age_hours: expect.any(Number) },
    ]);
  });

  it('counts decisions per reviewer in the range of decision days', async () => {
    const all = await runReport(t.db, 'reviewers', query(), unrestrictedScope);
    expect(all.rows.map((r) => [r.reviewer_id, r.decisions, r.confirmed, r.dismissed, r.median_seconds])).toEqual([
      [world.reviewerA.id, 3, 2, 1, 14_400],
      [world.reviewerB.id, 1, 1, 0, 3_600],
    ]);
    const october = await runReport(t.db, 'reviewers', query({ from: '2024-10-01', to: '2024-10-31' }), unrestrictedScope);
    expect(october.rows.map((r) => r.reviewer_id)).toEqual([world.reviewerB.id]);
  });
});

describe('analyst scoping', () => {
  const analystOfA = () => statsScopeOf({ role: 'analyst', agencyId: world.agencyA.id });

  it("limits an agency's analyst to that agency, whatever the filter asks", async () => {
    // 3 flags: fewer than five, shown suppressed to an analyst (a central admin sees 3).
    expect((await counts({}, analystOfA()))[0]!.flags).toBe('<5');
    expect((await counts({ agency: 'pemkot-malang' }, analystOfA()))[0]!.flags).toBe(0);
    expect((await counts({ by: 'agency' }, analystOfA())).map((r) => r.agency_code)).toEqual(['pemprov-dki']);
    const backlog = await runReport(t.db, 'backlog', query(), analystOfA());
    expect(backlog.rows[0]!.undecided).toBe(0);
  });

  it('shows analysts counts of 1 to 4, and what is computed from them, as "<5"; zero and five or more as they are', async () => {
    const national = statsScopeOf({ role: 'analyst', agencyId: null });
    const byAgency = await runReport(t.db, 'counts', query({ by: 'agency' }), national);
    const unsuppressed = await runReport(t.db, 'counts', query({ by: 'agency' }), unrestrictedScope);
    for (const [i, row] of byAgency.rows.entries()) {
      for (const column of ['flags', 'confirmed', 'dismissed', 'decided', 'pending']) {
        const real = unsuppressed.rows[i]![column] as number;
        expect(row[column], column).toBe(real >= 1 && real <= 4 ? '<5' : real);
      }
      const decided = unsuppressed.rows[i]!.decided as number;
      if (decided >= 1 && decided <= 4) expect(row.confirm_rate).toBe('<5');
    }
    // The total of both agencies is 6: shown.
    expect((await counts({}, national))[0]!.flags).toBe(6);
    const times = await runReport(t.db, 'decision-times', query(), national);
    expect(times.rows[0]).toEqual({ decided: '<5', median_seconds: '<5', p90_seconds: '<5' });
    expect(toCsv(byAgency)).toContain('<5');
  });

  it('lets a national analyst count every agency, without reviewer names', async () => {
    const national = statsScopeOf({ role: 'analyst', agencyId: null });
    expect((await counts({}, national))[0]!.flags).toBe(6);
    const reviewers = await runReport(t.db, 'reviewers', query(), national);
    expect(reviewers.columns).not.toContain('reviewer_name');
    expect(Object.keys(reviewers.rows[0]!)).not.toContain('reviewer_name');
  });

  it('never puts a name or NIP of a civil servant into any report', async () => {
    const people = await t.db.selectFrom('civil_servants').select(['nip', 'full_name']).execute();
    for (const report of ['counts', 'decision-times', 'backlog', 'reviewers'] as const) {
      for (const by of report === 'reviewers' ? [''] : report === 'backlog' ? ['', 'agency'] : ['agency,regency,code,platform,election,day']) {
        const text = JSON.stringify(await runReport(t.db, report, query(by ? { by } : {}), unrestrictedScope));
        for (const person of people) {
          expect(text).not.toContain(person.nip);
          expect(text).not.toContain(person.full_name);
        }
      }
    }
  });
});

describe('CSV', () => {
  it('has the same columns and numbers as the JSON, and a header even when empty', async () => {
    const report = await runReport(t.db, 'counts', query({ by: 'agency,code' }), unrestrictedScope);
    const lines = toCsv(report).trim().split('\n');
    expect(lines[0]).toBe('agency_code,agency_name,code,flags,confirmed,dismissed,decided,pending,confirm_rate');
    expect(lines).toHaveLength(report.rows.length + 1);
    expect(lines[1]).toBe('pemprov-dki,Instansi pemprov-dki,campaign_content,1,0,1,1,0,0');
    const empty = await runReport(t.db, 'counts', query({ by: 'agency', from: '2030-01-01' }), unrestrictedScope);
    expect(toCsv(empty)).toBe('agency_code,agency_name,flags,confirmed,dismissed,decided,pending,confirm_rate\n');
  });
});

describe('refresh', () => {
  it('picks up a decision made through the review log, and a repeated refresh changes nothing', async () => {
    const repository = new ReviewItemRepository(t.db);
    await repository.append({ itemId: world.items.openB, type: 'claimed', actorUserId: world.reviewerB.id, leaseSeconds: 300 });
    await repository.append({ itemId: world.items.openB, type: 'dismissed', actorUserId: world.reviewerB.id, payload: { reason: 'not_partisan' } });
    // Items changed within the last few minutes are re-read each time (see REREAD_WINDOW): here, all.
    expect((await refreshStatistics(t.db))?.items).toBeGreaterThanOrEqual(1);
    const after = await counts({ agency: 'pemkot-malang' });
    expect(after).toEqual([{ flags: 3, confirmed: 1, dismissed: 1, decided: 2, pending: 1, confirm_rate: 0.5 }]);
    await refreshStatistics(t.db);
    expect(await counts({ agency: 'pemkot-malang' })).toEqual(after);
    await refreshStatistics(t.db, { full: true });
    expect(await counts({ agency: 'pemkot-malang' })).toEqual(after);
  });
});
