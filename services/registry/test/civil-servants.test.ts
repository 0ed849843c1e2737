import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@netra/testing';
import { importCivilServants } from '../src/index.js';
import { importFixture, registrySnapshot, rowCounts, seedReferenceData } from './helpers.js';

const header = 'nip,full_name,agency_code,region_code,position,platform,handle,spouse_of';

let t: TestDatabase;
beforeEach(async () => {
  t = await createTestDatabase();
  await seedReferenceData(t.db);
});
afterEach(async () => t?.drop());

async function storedPeople() {
  return t.db
    .selectFrom('civil_servants')
    .innerJoin('agencies', 'agencies.id', 'civil_servants.agency_id')
    .leftJoin('candidates', 'candidates.id', 'civil_servants.spouse_candidate_id')
    .select(['nip', 'full_name', 'agencies.code as agency', 'civil_servants.region_code', 'position', 'candidates.label as spouse'])
    .orderBy('nip')
    .execute();
}

async function storedAccounts() {
  return t.db
    .selectFrom('social_accounts')
    .innerJoin('civil_servants', 'civil_servants.id', 'social_accounts.civil_servant_id')
    .select(['nip', 'platform', 'handle'])
    .orderBy('nip')
    .orderBy('platform')
    .orderBy('handle')
    .execute();
}

describe('importCivilServants', () => {
  it('imports each person once with all of their accounts', async () => {
    expect(await importFixture(importCivilServants, t.db, 'civil-servants.csv')).toEqual({ rows: 4, imported: 4, unchanged: 0, rejected: [] });
    expect(await storedPeople()).toEqual([
      { nip: '197811302005011002', full_name: 'Agus Wijaya, S.Kom.', agency: 'dki-bkd', region_code: '31', position: null, spouse: null },
      { nip: '198503122010031001', full_name: 'Budi Santoso', agency: 'dki-bkd', region_code: '31.71', position: 'Analis Kepegawaian', spouse: null },
      { nip: '199007252015052003', full_name: 'Siti Rahmawati', agency: 'malang-bkpsdm', region_code: '35.73', position: 'Guru', spouse: 'Ridwan Kamil–Suswono' },
    ]);
    expect(await storedAccounts()).toEqual([
      { nip: '197811302005011002', platform: 'x', handle: 'aguswijaya' },
      { nip: '198503122010031001', platform: 'bluesky', handle: 'budisantoso.bsky.social' },
      { nip: '198503122010031001', platform: 'mastodon', handle: 'budi_santoso' },
      { nip: '199007252015052003', platform: 'mastodon', handle: 'siti_rahma' },
    ]);
  });

  it('names every kind of bad row with its line and reason, and imports the good rows around them', async () => {
    const result = await importFixture(importCivilServants, t.db, 'civil-servants-with-errors.csv');
    expect(result).toEqual({
      rows: 13,
      imported: 2,
      unchanged: 0,
      rejected: [
        { line: 3, reason: 'NIP must be 18 digits, got "19850312201003100"' },
        { line: 4, reason: 'NIP birth date 19850230 is not a real date' },
        { line: 5, reason: 'NIP gender digit must be 1 or 2, got 3' },
        { line: 6, reason: 'unknown agency "no-such-agency"' },
        { line: 7, reason: 'unknown region "99.99"' },
        { line: 8, reason: 'unknown platform "friendster" (expected mastodon, bluesky, x, facebook, instagram, tiktok, youtube, threads)' },
        { line: 9, reason: 'duplicate handle: mastodon:budi_santoso already belongs to civil servant NIP 198503122010031001' },
        { line: 10, reason: 'NIP 198503122010031001 appears on line 2 with full_name "Budi Santoso", here "Budi Santosa"' },
        { line: 11, reason: 'unknown spouse candidate "pilpres-2024#9"' },
        { line: 12, reason: 'missing full_name' },
        { line: 13, reason: 'expected 8 columns, found 7' },
      ],
    });
    // Line 9 was Dewi's only chance to be stored: rejecting her account left no person behind.
    expect((await storedPeople()).map((person) => person.full_name)).toEqual(['Budi Santoso', 'Siti Rahmawati']);
    expect((await storedAccounts()).map((account) => account.handle)).toEqual(['budi_santoso', 'siti_rahma']);
  });

  it('changes nothing when the same file is imported again', async () => {
    await importFixture(importCivilServants, t.db, 'civil-servants-with-errors.csv');
    const counts = await rowCounts(t.db);
    const before = await registrySnapshot(t.db);
    const again = await importFixture(importCivilServants, t.db, 'civil-servants-with-errors.csv');
    expect(again).toMatchObject({ rows: 13, imported: 0, unchanged: 2 });
    expect(again.rejected).toHaveLength(11);
    expect(await rowCounts(t.db)).toEqual(counts);
    expect(await registrySnapshot(t.db)).toEqual(before);
  });

  it('rejects a NIP stored under another name, and a candidate\u2019s account claimed by a civil servant', async () => {
    await importFixture(importCivilServants, t.db, 'civil-servants.csv');
    const csv = [
      header,
      '198503122010031001,Budi S.,dki-bkd,31.71,Analis Kepegawaian,x,budi_s,',
      '198801012012122001,Dewi Lestari,dki-bkd,31.71,,mastodon,timnas_amin,',
    ].join('\n');
    expect((await importCivilServants(t.db, csv, { fileName: 'later.csv' })).rejected).toEqual([
      { line: 2, reason: 'NIP 198503122010031001 is registered as "Budi Santoso", not "Budi S."' },
      { line: 3, reason: 'duplicate handle: mastodon:timnas_amin already belongs to candidate "Anies–Muhaimin" of pilpres-2024' },
    ]);
  });

  it('refuses invisible and direction-changing characters, folds compatibility forms, and treats handles case-insensitively', async () => {
    const csv = [
      header,
      '198901012014021001,Rina\u202Egpj.exe,dki-bkd,31.71,,mastodon,rina_w,',
      '198901012014021002,Joko Susilo,dki-bkd,31.71,,mastodon,joko\u200bs,',
      '198901012014021003,Ｂａｍｂａｎｇ,dki-bkd,31.71,,x,SLAMETK,',
      '198901012014021004,Wahyu Hidayat,dki-bkd,31.71,,x,slametk,',
    ].join('\n');
    const result = await importCivilServants(t.db, csv, { fileName: 'unicode.csv' });
    expect(result.rejected).toEqual([
      { line: 2, reason: 'full_name contains an invisible or direction-changing character U+202E (RTL override) at position 5' },
      { line: 3, reason: 'handle contains an invisible or direction-changing character U+200B (zero-width space) at position 5' },
      { line: 5, reason: expect.stringMatching(/^duplicate handle: x:slametk/) },
    ]);
    const people = await storedPeople();
    expect(people.find((p) => p.nip === '198901012014021003')?.full_name).toBe('Bambang');
    expect((await storedAccounts()).filter((a) => a.platform === 'x' && a.handle.startsWith('slametk'))).toEqual([
      { nip: '198901012014021003', platform: 'x', handle: 'slametk' },
    ]);
  });

  it('moves a person to another agency when a later file says so, without touching their accounts', async () => {
    await importFixture(importCivilServants, t.db, 'civil-servants.csv');
    const accountsBefore = await storedAccounts();
    const moved = `${header}\n198503122010031001,Budi Santoso,malang-bkpsdm,35.73,Analis Kepegawaian,mastodon,budi_santoso,\n`;
    expect(await importCivilServants(t.db, moved, { fileName: 'moved.csv' })).toEqual({ rows: 1, imported: 1, unchanged: 0, rejected: [] });
    const budi = (await storedPeople()).find((person) => person.nip === '198503122010031001');
    expect(budi).toMatchObject({ agency: 'malang-bkpsdm', region_code: '35.73' });
    expect(await storedAccounts()).toEqual(accountsBefore);
  });
});
