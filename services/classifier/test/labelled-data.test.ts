import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCandidatesCsv } from '@netra/classifier/candidates-csv';
import { parseLabelledLine } from '@netra/classifier/labelled-line';
import { ReviewItemRepository } from '@netra/db';
import { createTestDatabase, seedAgency, seedFlaggedEngagement, seedFlaggedPost, seedUser, type TestDatabase } from '@netra/testing';
import { demoTruthRecords } from '../src/cli/demo-truth.js';
import { runEval } from '../src/cli/eval.js';
import { defaultCandidatesCsv } from '../src/cli/paths.js';
import { exportDecisions } from '../src/export-decisions.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t?.drop();
});

async function decide(itemId: string, actorUserId: number, type: 'confirmed' | 'dismissed', payload: Record<string, unknown>) {
  const items = new ReviewItemRepository(t.db);
  await items.append({ itemId, type: 'claimed', actorUserId, leaseSeconds: 300 });
  await items.append({ itemId, type, actorUserId, payload });
}

describe('reviewers\' decisions as labelled data', () => {
  it('exports confirms with their code and content dismissals as neutral, in the eval/retrain format', async () => {
    const agency = await seedAgency(t.db);
    const reviewer = await seedUser(t.db, 'reviewer', agency);
    const confirmed = await seedFlaggedPost(t.db, agency, { text: 'Ayo coblos nomor 2! ✌️' });
    const dismissed = await seedFlaggedEngagement(t.db, agency, 'like', { targetText: 'Jadwal pelayanan KTP hari Sabtu' });
    const duplicate = await seedFlaggedPost(t.db, agency, { text: 'Ayo coblos nomor 2! ✌️ (lagi)' });
    const undecided = await seedFlaggedPost(t.db, agency, { text: 'Masih menunggu keputusan' });
    await decide(confirmed.itemId, reviewer.id, 'confirmed', { code: 'number_symbol', severity: 'berat' });
    await decide(dismissed.itemId, reviewer.id, 'dismissed', { reason: 'not_partisan' });
    await decide(duplicate.itemId, reviewer.id, 'dismissed', { reason: 'duplicate' });

    const records = await exportDecisions(t.db);
    const byId = new Map(records.map((r) => [r['id'], r]));
    expect(records).toHaveLength(2);
    expect(byId.get(`review-${confirmed.itemId}`)).toMatchObject({ text: 'Ayo coblos nomor 2! ✌️', kind: 'post', expected_codes: ['number_symbol'], source: 'review', decision: 'confirmed' });
    expect(byId.get(`review-${dismissed.itemId}`)).toMatchObject({ kind: 'like', text: '', target_text: 'Jadwal pelayanan KTP hari Sabtu', expected_codes: [], decision: 'dismissed:not_partisan' });
    expect(byId.has(`review-${undecided.itemId}`)).toBe(false);
    // Every exported record reads back as a labelled line.
    for (const record of records) expect(() => parseLabelledLine(JSON.stringify(record))).not.toThrow();
  });
});

describe('the demo world as an independent measurement set', () => {
  const records = demoTruthRecords();

  it('turns every ground-truth status and like into a labelled classifier input', () => {
    expect(records.filter((r) => r['kind'] === 'like')).toHaveLength(49);
    expect(records.some((r) => r['kind'] === 'share' && r['target_text'])).toBe(true);
    expect(records.some((r) => r['kind'] === 'comment' && r['target_text'])).toBe(true);
    expect(records.some((r) => r['spouse_candidate'])).toBe(true);
  });

  it('is classified with high recall and few false flags (figures in docs/classifier.md)', () => {
    const { report } = runEval(records.map((r) => parseLabelledLine(JSON.stringify(r))), loadCandidatesCsv(defaultCandidatesCsv));
    expect(report.flagging.recall).toBeGreaterThan(0.85);
    expect(report.falseFlagRate).toBeLessThan(0.03);
  });
});
