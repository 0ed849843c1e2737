import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const cli = join(repoRoot, 'packages/classifier/src/cli/classify.ts');
const tsx = join(repoRoot, 'node_modules/.bin/tsx');

function run(lines: string[], args: string[] = []) {
  const dir = mkdtempSync(join(tmpdir(), 'netra-classify-'));
  const file = join(dir, 'input.jsonl');
  writeFileSync(file, `${lines.join('\n')}\n`);
  return spawnSync(tsx, [cli, file, ...args], { cwd: repoRoot, encoding: 'utf8', timeout: 100_000 });
}

describe('classify CLI', () => {
  it('writes one result line per input and reports malformed lines by number', () => {
    const { stdout, stderr, status } = run([
      JSON.stringify({ id: 'p1', text: 'Ayo coblos no 2 ✌️ #PrabowoGibran' }),
      '{not json',
      JSON.stringify({ id: 'p2', text: 'Alhamdulillah juara 2 lomba masak' }),
      JSON.stringify({ id: 'e1', text: '', kind: 'like', target_text: 'Coblos nomor 3, Pramono-Rano menang!', region: '31' }),
      JSON.stringify({ id: 'bad-kind', text: 'x', kind: 'retweet' }),
    ]);
    const results = stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(results.map((r) => [r.id, r.flagged])).toEqual([
      ['p1', true],
      ['p2', false],
      ['e1', true],
    ]);
    expect(Object.keys(results[0])).toEqual(expect.arrayContaining(['id', 'flagged', 'score', 'codes', 'evidence']));
    expect(results[0].codes).toContain('number_symbol');
    expect(results[2]).toMatchObject({ codes: ['support_like'], evidence: [{ source: 'target', candidate: { label: 'Pramono–Rano', electionCode: 'pilgub-dki-2024' } }] });
    expect(stderr).toMatch(/^line 2: /m);
    expect(stderr).toMatch(/^line 5: "kind" must be one of/m);
    expect(status).toBe(1);
  });

  it('reads "region" as a code or a name against the national 2024 candidate data, and refuses an unknown region', () => {
    const { stdout, stderr, status } = run([
      JSON.stringify({ id: 'by-name', text: 'Dukung Khofifah-Emil, Jatim makin maju!', region: 'Jawa Timur', posted_at: '2024-10-10T09:00:00+07:00' }),
      JSON.stringify({ id: 'by-code', text: 'Ayo coblos WALI!', region: '3573', posted_at: '2024-11-01T09:00:00+07:00' }),
      JSON.stringify({ id: 'typo', text: 'Ayo coblos WALI!', region: 'Kota Malangg' }),
      JSON.stringify({ id: 'ambiguous', text: 'Ayo coblos WALI!', region: 'Malang' }),
    ]);
    const results = stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(results.map((r) => [r.id, r.flagged, r.evidence[0]?.candidate?.electionCode])).toEqual([
      ['by-name', true, 'pilgub-jatim-2024'],
      ['by-code', true, 'pilwalkot-malang-2024'],
    ]);
    expect(stderr).toMatch(/^line 3: "region": region 'Kota Malangg' is not a known province, regency or city/m);
    expect(stderr).toMatch(/^line 4: "region": region 'Malang' is ambiguous: Kabupaten Malang \(35\.07\) or Kota Malang \(35\.73\)/m);
    expect(status).toBe(1);
  });

  it('exits 0 on clean input and reads another candidate list with --candidates', () => {
    const dir = mkdtempSync(join(tmpdir(), 'netra-candidates-'));
    const csv = join(dir, 'candidates.csv');
    writeFileSync(
      csv,
      'election_code,election_name,election_kind,region_code,campaign_starts_on,campaign_ends_on,vote_on,candidate_kind,ballot_number,label,names,aliases,hashtags,accounts\n' +
        'pilbup-contoh-2024,Pemilihan Bupati Contoh 2024,regional,35.07,2024-09-25,2024-11-23,2024-11-27,pair,1,Fiktif–Satu,Fiktif Satu|Wakil Satu,Mas Fiktif,fiktifsatu,\n',
    );
    const { stdout, status } = run([JSON.stringify({ id: 'x', text: 'Coblos nomor 1 ya!', region: '35.07' })], ['--candidates', csv]);
    expect(status).toBe(0);
    expect(JSON.parse(stdout).evidence[0].candidate).toEqual({ label: 'Fiktif–Satu', ballotNumber: 1, electionCode: 'pilbup-contoh-2024' });
  });
});

describe('classify CLI with images', () => {
  it('reads each image\'s words, flags a partisan poster under a harmless caption, and leaves notices alone', async () => {
    const { renderPoster } = await import('@netra/sim-platform');
    const dir = mkdtempSync(join(tmpdir(), 'netra-media-'));
    const images = {
      'poster.png': await renderPoster(['AYO COBLOS', 'NOMOR 2', 'PRABOWO-GIBRAN', 'LANJUTKAN!']),
      'netral.png': await renderPoster(['ASN HARUS NETRAL', 'DILARANG KAMPANYE', 'DI MEDIA SOSIAL', 'PEMILU 2024'], { background: '#0d47a1', shape: 'stripes' }),
      'notice.png': await renderPoster(['PENGUMUMAN', 'Pelayanan KTP', 'hari Sabtu 08.00', 'Kantor Kecamatan'], { background: '#ffffff', foreground: '#202020', shape: 'none' }),
    };
    for (const [name, bytes] of Object.entries(images)) writeFileSync(join(dir, name), bytes);
    writeFileSync(join(dir, 'not-an-image.png'), '<html>bukan gambar</html>');
    const caption = { text: 'Selamat pagi, semangat bekerja!', region: '31', posted_at: '2024-01-20T09:00:00+07:00' };
    const file = join(dir, 'input.jsonl');
    writeFileSync(
      file,
      [
        { id: 'poster', ...caption, media: [{ path: 'poster.png' }] },
        { id: 'netral', ...caption, media: [{ path: 'netral.png' }] },
        { id: 'notice', ...caption, media: [{ path: 'notice.png' }] },
        { id: 'broken', ...caption, media: [{ path: 'not-an-image.png' }] },
        { id: 'missing', ...caption, media: [{ path: 'tidak-ada.png' }] },
      ]
        .map((line) => JSON.stringify(line))
        .join('\n'),
    );
    const { stdout, stderr, status } = spawnSync(tsx, [cli, file], { cwd: repoRoot, encoding: 'utf8', timeout: 100_000 });
    const results = stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(results.map((r) => [r.id, r.flagged])).toEqual([
      ['poster', true],
      ['netral', false],
      ['notice', false],
    ]);
    const [poster] = results;
    expect(poster.media).toEqual([{ index: 0, sha256: createHash('sha256').update(images['poster.png']).digest('hex'), text: expect.stringContaining('COBLOS'), phash: expect.stringMatching(/^[0-9a-f]{16}$/) }]);
    const fromImage = poster.evidence.filter((e: { source: string }) => e.source === 'media');
    expect(fromImage.length).toBeGreaterThan(0);
    expect(fromImage[0]).toMatchObject({ media_index: 0, candidate: { label: 'Prabowo–Gibran' } });
    expect(poster.media[0].text.slice(fromImage[0].span.start, fromImage[0].span.end)).toBe(fromImage[0].matchedText);
    expect(stderr).toMatch(/^line 4: "media"\[0\] not-an-image\.png: the file is not an image/m);
    expect(stderr).toMatch(/^line 5: "media"\[0\] tidak-ada\.png: cannot read the file \(ENOENT\)/m);
    expect(status).toBe(1);
  }, 120_000);
});
