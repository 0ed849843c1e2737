import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadNationalDirectory, withJargon } from '../src/cli/candidates-csv.js';
import { loadRegionDirectory } from '../src/cli/regions-csv.js';
import { createClassifier } from '../src/index.js';

const regions = loadRegionDirectory();
const codeOf = (input: string) => {
  const found = regions.lookup(input);
  return 'region' in found ? found.region.code : found.error;
};

describe('regions by Kemendagri code or by name', () => {
  it('holds every province, regency and city, each under its province', () => {
    const byKind = (kind: string) => regions.regions.filter((r) => r.kind === kind).length;
    expect(byKind('province')).toBe(38);
    expect(byKind('regency') + byKind('city')).toBe(514);
    const codes = new Set(regions.regions.map((r) => r.code));
    for (const r of regions.regions) if (r.parentCode) expect(codes.has(r.parentCode), r.code).toBe(true);
  });

  it.each([
    ['35.73', '35.73'],
    ['3573', '35.73'],
    ['Kota Malang', '35.73'],
    ['KOTA MALANG', '35.73'],
    ['Kab. Malang', '35.07'],
    ['kabupaten  malang', '35.07'],
    ['Jawa Timur', '35'],
    ['jatim', '35'],
    ['Jambi', '15'],
    ['Kota Jambi', '15.71'],
    ['Jakarta Pusat', '31.71'],
    ['Kota Adm. Jakarta Pusat', '31.71'],
    ['DKI', '31'],
    ['Papua Barat Daya', '96'],
    ['Kabupaten Pangkajene dan Kepulauan', '73.10'],
  ])('%s -> %s', (input, code) => {
    expect(codeOf(input)).toBe(code);
  });

  it('ignores case and diacritics', () => {
    expect(codeOf('Jáwa Tímur')).toBe('35');
  });

  it('refuses an ambiguous bare name and says which regions it could be', () => {
    expect(codeOf('Malang')).toBe("region 'Malang' is ambiguous: Kabupaten Malang (35.07) or Kota Malang (35.73)");
  });

  it('refuses unknown names and codes with a clear error', () => {
    expect(codeOf('Jawa Timurr')).toMatch(/^region 'Jawa Timurr' is not a known province, regency or city/);
    expect(codeOf('99.01')).toMatch(/^region code '99.01' is not a Kemendagri/);
  });
});

describe('the national candidate data', () => {
  const directory = loadNationalDirectory();
  const classifier = createClassifier({ directory });

  it('names every region code it uses, and each Pilkada once', () => {
    const codes = new Set(regions.regions.map((r) => r.code));
    for (const e of directory.elections) if (e.regionCode) expect(codes.has(e.regionCode), e.code).toBe(true);
    const regional = directory.elections.filter((e) => e.kind === 'regional');
    expect(new Set(regional.map((e) => e.regionCode)).size).toBe(regional.length);
    expect(regional.filter((e) => !e.regionCode!.includes('.')).length).toBe(37);
  });

  it('flags a regency pair by its nickname for an ASN of that city, with the post date choosing the election', () => {
    const result = classifier.classify({ text: 'Ayo coblos WALI, Malang makin maju!', kind: 'post', regionCode: '35.73', postedAt: '2024-11-01T09:00:00+07:00' });
    expect(result.flagged).toBe(true);
    expect(result.evidence[0]?.candidate).toMatchObject({ label: 'Wahyu–Ali', electionCode: 'pilwalkot-malang-2024' });
    const number = classifier.classify({ text: 'coblos nomer telu!', kind: 'post', regionCode: '35.73', postedAt: '2024-11-01T09:00:00+07:00' });
    expect(number.evidence[0]?.candidate).toMatchObject({ label: 'Anton–Dimyati', electionCode: 'pilwalkot-malang-2024' });
    const pilpres = classifier.classify({ text: 'coblos nomer telu!', kind: 'post', regionCode: '35.73', postedAt: '2024-01-20T09:00:00+07:00' });
    expect(pilpres.evidence[0]?.candidate).toMatchObject({ label: 'Ganjar–Mahfud', electionCode: 'pilpres-2024' });
  });

  it('reads a province pair outside Jakarta', () => {
    const result = classifier.classify({ text: 'Dukung Khofifah-Emil untuk Jatim!', kind: 'post', regionCode: '35', postedAt: '2024-10-10T09:00:00+07:00' });
    expect(result.codes).toContain('campaign_content');
    expect(result.evidence[0]?.candidate?.electionCode).toBe('pilgub-jatim-2024');
  });

  it('reads the campaigns\' distinctive jargon as the pair it names (data/elections/jargon-2024.csv)', () => {
    const pilpres = { kind: 'post' as const, regionCode: '32.73', postedAt: '2024-01-25T09:00:00+07:00' };
    expect(classifier.classify({ text: 'Yang gemoy pokoknya, lanjutkan!', ...pilpres }).evidence[0]?.candidate?.label).toBe('Prabowo–Gibran');
    expect(classifier.classify({ text: 'Semalam ikut Desak Anies di kampus, mantap 🔥', ...pilpres }).evidence[0]?.candidate?.label).toBe('Anies–Muhaimin');
    const dir = mkdtempSync(join(tmpdir(), 'netra-jargon-'));
    writeFileSync(join(dir, 'jargon.csv'), 'election_code,ballot_number,phrase,kind,distinctive,sources\npilpres-2024,9,contoh,jargon,yes,https://example.test\n');
    expect(() => withJargon(directory, join(dir, 'jargon.csv'))).toThrow(/row 2 names no pair \(pilpres-2024 number 9\)/);
  });

  it('does not read a one-word regional name, or an everyday word, as a candidate elsewhere', () => {
    // 'Alam' and 'Sudirman' are names of 2024 candidates (Kota Banjar, Jambi) and an everyday word and a street.
    for (const text of ['Alam pun tahu dan menangis, semoga kita menang', 'Ayo ikut kampanye akbar di Jalan Sudirman besok']) {
      const result = classifier.classify({ text, kind: 'post', regionCode: '31', postedAt: '2024-10-10T09:00:00+07:00' });
      expect(result.evidence.filter((e) => e.candidate && e.candidate.electionCode !== 'pilgub-dki-2024'), text).toEqual([]);
    }
  });
});
