import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@netra/testing';
import { importAgencies, importRegions } from '../src/index.js';
import { importFixture, registrySnapshot } from './helpers.js';

let t: TestDatabase;
beforeEach(async () => {
  t = await createTestDatabase();
});
afterEach(async () => t?.drop());

describe('importRegions', () => {
  it('imports regions whose parents come earlier in the file', async () => {
    const result = await importFixture(importRegions, t.db, 'regions.csv');
    expect(result).toEqual({ rows: 4, imported: 4, unchanged: 0, rejected: [] });
    const regions = await t.db.selectFrom('regions').selectAll().orderBy('code').execute();
    expect(regions).toEqual([
      { code: '31', name: 'DKI Jakarta', parent_code: null },
      { code: '31.71', name: 'Kota Jakarta Pusat', parent_code: '31' },
      { code: '35', name: 'Jawa Timur', parent_code: null },
      { code: '35.73', name: 'Kota Malang', parent_code: '35' },
    ]);
  });

  it('names each bad row with its line and reason, and imports the good rows around it', async () => {
    const result = await importFixture(importRegions, t.db, 'regions-with-errors.csv');
    expect(result).toEqual({
      rows: 6,
      imported: 2,
      unchanged: 0,
      rejected: [
        { line: 3, reason: 'unknown parent region "99"' },
        { line: 4, reason: 'missing name' },
        { line: 6, reason: 'expected 3 columns, found 2' },
        { line: 7, reason: 'region 31 appears on line 2 with name "DKI Jakarta", here "Daerah Khusus Jakarta"' },
      ],
    });
    const codes = await t.db.selectFrom('regions').select('code').orderBy('code').execute();
    expect(codes.map((region) => region.code)).toEqual(['31', '31.71']);
  });

  it('updates a region whose name changed in a later file, and only that one', async () => {
    await importFixture(importRegions, t.db, 'regions.csv');
    const renamed = 'code,name,parent_code\n31,Daerah Khusus Jakarta,\n35,Jawa Timur,\n';
    expect(await importRegions(t.db, renamed, { fileName: 'renamed.csv' })).toEqual({ rows: 2, imported: 1, unchanged: 1, rejected: [] });
    const jakarta = await t.db.selectFrom('regions').select('name').where('code', '=', '31').executeTakeFirstOrThrow();
    expect(jakarta.name).toBe('Daerah Khusus Jakarta');
  });
});

describe('importAgencies', () => {
  beforeEach(async () => {
    await importFixture(importRegions, t.db, 'regions.csv');
  });

  it('imports agencies with their optional webhook and contact address', async () => {
    expect(await importFixture(importAgencies, t.db, 'agencies.csv')).toEqual({ rows: 2, imported: 2, unchanged: 0, rejected: [] });
    const agencies = await t.db
      .selectFrom('agencies')
      .select(['code', 'region_code', 'webhook_url', 'contact_email'])
      .orderBy('code')
      .execute();
    expect(agencies).toEqual([
      {
        code: 'dki-bkd',
        region_code: '31',
        webhook_url: 'https://bkd.jakarta.example/hooks/dki-bkd',
        contact_email: 'netralitas@bkd.jakarta.example',
      },
      { code: 'malang-bkpsdm', region_code: '35.73', webhook_url: null, contact_email: null },
    ]);
  });

  it('rejects an unknown region and a malformed webhook or e-mail, importing the rest', async () => {
    const result = await importFixture(importAgencies, t.db, 'agencies-with-errors.csv');
    expect(result).toEqual({
      rows: 4,
      imported: 1,
      unchanged: 0,
      rejected: [
        { line: 3, reason: 'unknown region "91"' },
        { line: 4, reason: 'webhook_url must be an http(s) URL, got "ftp://files.example/hook"' },
        { line: 5, reason: 'contact_email must be an e-mail address, got "dinkes-at-malang"' },
      ],
    });
    const codes = await t.db.selectFrom('agencies').select('code').execute();
    expect(codes).toEqual([{ code: 'dki-bkd' }]);
  });

  it('refuses a webhook on an internal address, however it is spelled, unless the operator allows that address', async () => {
    const internal = [
      'http://127.0.0.1:6379/',
      'http://169.254.169.254/latest/meta-data/',
      'http://[::1]/hook',
      'http://0x7f000001/hook',
      'http://2130706433/hook',
      'http://10.0.0.1/hook',
      'http://192.168.1.10/hook',
      'http://[::ffff:127.0.0.1]/hook',
      'http://localhost:3000/hook',
      'http://0.0.0.0/hook',
      'https://user:secret@bkd.example/hook',
    ];
    const csv = ['code,name,region_code,webhook_url,contact_email', ...internal.map((url, i) => `bkd-${i},BKD ${i},31,${url},`)].join('\n');
    const refused = await importAgencies(t.db, csv, { fileName: 'internal.csv' });
    expect(refused.imported).toBe(0);
    expect(refused.rejected.map((r) => r.line)).toEqual(internal.map((_, i) => i + 2));
    for (const rejection of refused.rejected) expect(rejection.reason).toMatch(/^webhook_url ".*": (alamat .* internal|tidak boleh memuat)/);

    const allowed = await importAgencies(t.db, 'code,name,region_code,webhook_url,contact_email\nbkd-gov,BKD,31,http://10.20.30.40/hook,\n', {
      fileName: 'gov.csv',
      outbound: { allowed: ['10.20.0.0/16'] },
    });
    expect(allowed).toMatchObject({ imported: 1, rejected: [] });
  });

  it('keeps a stored webhook and contact when a re-import leaves those cells empty', async () => {
    await importFixture(importAgencies, t.db, 'agencies.csv');
    const partial = 'code,name,region_code,webhook_url,contact_email\ndki-bkd,Badan Kepegawaian Daerah DKI Jakarta,31,,\n';
    expect(await importAgencies(t.db, partial, { fileName: 'partial.csv' })).toEqual({ rows: 1, imported: 0, unchanged: 1, rejected: [] });
    const agency = await t.db.selectFrom('agencies').select(['webhook_url', 'contact_email']).where('code', '=', 'dki-bkd').executeTakeFirstOrThrow();
    expect(agency).toEqual({ webhook_url: 'https://bkd.jakarta.example/hooks/dki-bkd', contact_email: 'netralitas@bkd.jakarta.example' });
  });

  it('changes nothing when the same files are imported again', async () => {
    await importFixture(importAgencies, t.db, 'agencies.csv');
    const before = await registrySnapshot(t.db);
    expect(await importFixture(importRegions, t.db, 'regions.csv')).toEqual({ rows: 4, imported: 0, unchanged: 4, rejected: [] });
    expect(await importFixture(importAgencies, t.db, 'agencies.csv')).toEqual({ rows: 2, imported: 0, unchanged: 2, rejected: [] });
    expect(await registrySnapshot(t.db)).toEqual(before);
  });
});
