import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@netra/testing';
import { importCandidates, importRegions } from '../src/index.js';
import { fixture, importFixture, registrySnapshot, rowCounts } from './helpers.js';

let t: TestDatabase;
beforeEach(async () => {
  t = await createTestDatabase();
  await importFixture(importRegions, t.db, 'regions.csv');
});
afterEach(async () => t?.drop());

describe('importCandidates', () => {
  it('creates the elections, the candidates and their official accounts', async () => {
    expect(await importFixture(importCandidates, t.db, 'candidates.csv')).toEqual({ rows: 4, imported: 4, unchanged: 0, rejected: [] });

    const elections = await t.db.selectFrom('elections').select(['code', 'kind', 'region_code', 'campaign_starts_on', 'vote_on']).orderBy('code').execute();
    expect(elections).toEqual([
      { code: 'pileg-dpr-2024', kind: 'legislative', region_code: null, campaign_starts_on: '2023-11-28', vote_on: '2024-02-14' },
      { code: 'pilgub-dki-2024', kind: 'regional', region_code: '31', campaign_starts_on: '2024-09-25', vote_on: '2024-11-27' },
      { code: 'pilpres-2024', kind: 'presidential', region_code: null, campaign_starts_on: '2023-11-28', vote_on: '2024-02-14' },
    ]);

    const anies = await t.db
      .selectFrom('candidates')
      .innerJoin('elections', 'elections.id', 'candidates.election_id')
      .select(['candidates.kind', 'ballot_number', 'names', 'aliases', 'hashtags'])
      .where('elections.code', '=', 'pilpres-2024')
      .where('label', '=', 'Anies–Muhaimin')
      .executeTakeFirstOrThrow();
    expect(anies).toEqual({
      kind: 'pair',
      ballot_number: 1,
      names: ['Anies Baswedan', 'Muhaimin Iskandar'],
      aliases: ['AMIN', 'Cak Imin'],
      hashtags: ['amin', 'aniesmuhaimin'],
    });
    const gerindra = await t.db.selectFrom('candidates').select(['kind', 'ballot_number', 'aliases']).where('label', '=', 'Gerindra').executeTakeFirstOrThrow();
    expect(gerindra).toEqual({ kind: 'party', ballot_number: null, aliases: [] });

    const accounts = await t.db
      .selectFrom('social_accounts')
      .innerJoin('candidates', 'candidates.id', 'social_accounts.candidate_id')
      .select(['platform', 'handle', 'label', 'civil_servant_id'])
      .orderBy('platform')
      .orderBy('handle')
      .execute();
    expect(accounts).toEqual([
      { platform: 'bluesky', handle: 'rido.bsky.social', label: 'Ridwan Kamil–Suswono', civil_servant_id: null },
      { platform: 'mastodon', handle: 'rido_jakarta', label: 'Ridwan Kamil–Suswono', civil_servant_id: null },
      { platform: 'mastodon', handle: 'timnas_amin', label: 'Anies–Muhaimin', civil_servant_id: null },
      { platform: 'mastodon', handle: 'tkn_prabowogibran', label: 'Prabowo–Gibran', civil_servant_id: null },
    ]);
  });

  it('names each bad row with its line and reason, storing no part of it, and imports the good rows', async () => {
    const result = await importFixture(importCandidates, t.db, 'candidates-with-errors.csv');
    expect(result).toEqual({
      rows: 9,
      imported: 2,
      unchanged: 0,
      rejected: [
        { line: 3, reason: 'ballot number 1 of pilpres-2024 already belongs to "Anies–Muhaimin"' },
        { line: 4, reason: 'election pilpres-2024 appears on line 2 with vote_on "2024-02-14", here "2024-02-15"' },
        { line: 5, reason: 'unknown region "36"' },
        { line: 6, reason: 'a regional election needs a region_code' },
        { line: 7, reason: 'campaign_ends_on must be a real date YYYY-MM-DD, got "2024-02-30"' },
        { line: 8, reason: 'unknown platform "friendster" (expected mastodon, bluesky, x, facebook, instagram, tiktok, youtube, threads)' },
        { line: 9, reason: 'duplicate handle: mastodon:timnas_amin already belongs to candidate "Anies–Muhaimin" of pilpres-2024' },
      ],
    });
    const labels = await t.db.selectFrom('candidates').select('label').orderBy('label').execute();
    expect(labels.map((candidate) => candidate.label)).toEqual(['Anies–Muhaimin', 'NasDem']);
    const handles = await t.db.selectFrom('social_accounts').select('handle').orderBy('handle').execute();
    expect(handles.map((account) => account.handle)).toEqual(['nasdem', 'timnas_amin']);
    const elections = await t.db.selectFrom('elections').select('code').orderBy('code').execute();
    expect(elections.map((election) => election.code)).toEqual(['pileg-dpr-2024', 'pilpres-2024']);
  });

  it('changes nothing when the same file is imported again', async () => {
    await importFixture(importCandidates, t.db, 'candidates.csv');
    const before = await registrySnapshot(t.db);
    const counts = await rowCounts(t.db);
    expect(await importFixture(importCandidates, t.db, 'candidates.csv')).toEqual({ rows: 4, imported: 0, unchanged: 4, rejected: [] });
    expect(await rowCounts(t.db)).toEqual(counts);
    expect(await registrySnapshot(t.db)).toEqual(before);
  });

  it('updates a candidate in place when its details change, keeping its id and accounts', async () => {
    await importFixture(importCandidates, t.db, 'candidates.csv');
    const before = await t.db.selectFrom('candidates').select('id').where('label', '=', 'Prabowo–Gibran').executeTakeFirstOrThrow();
    const [header, , prabowo] = fixture('candidates.csv').split('\n');
    const withNewAlias = prabowo!.replace('Prabowo|Gibran', 'Prabowo|Gibran|Mas Gibran');
    expect(await importCandidates(t.db, `${header}\n${withNewAlias}\n`, { fileName: 'update.csv' })).toMatchObject({ imported: 1, rejected: [] });
    const after = await t.db.selectFrom('candidates').select(['id', 'aliases']).where('label', '=', 'Prabowo–Gibran').executeTakeFirstOrThrow();
    expect(after).toEqual({ id: before.id, aliases: ['Prabowo', 'Gibran', 'Mas Gibran'] });
    expect(await t.db.selectFrom('social_accounts').select('handle').where('candidate_id', '=', before.id).execute()).toEqual([
      { handle: 'tkn_prabowogibran' },
    ]);
  });
});
