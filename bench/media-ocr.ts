import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { hammingDistance, perceptualHash, readImageText } from '@netra/media';
import { renderPoster, renderScene } from '@netra/sim-platform';
import { measureMachine } from './machine-cpu.js';
import { round } from './store-posts.js';

// Posters and notices of the kinds ASN post, each rendered as an original, a shrunk and
// recompressed copy (as platforms serve them) and a watermarked copy.
const posters: string[][] = [
  ['AYO COBLOS', 'NOMOR 2', 'PRABOWO-GIBRAN', 'LANJUTKAN!'],
  ['SALAM 3 JARI', 'GANJAR-MAHFUD', 'SAT SET TAS TES'],
  ['AMIN', 'ANIES-MUHAIMIN', 'PERUBAHAN UNTUK SEMUA'],
  ['PILIH NOMOR 1', 'RIDO', 'JAKARTA BARU'],
  ['KHOFIFAH-EMIL', 'NOMOR 2', 'JATIM LEBIH MAJU'],
  ['ASN HARUS NETRAL', 'DILARANG KAMPANYE', 'DI MEDIA SOSIAL'],
  ['PENGUMUMAN', 'Pelayanan KTP', 'hari Sabtu 08.00', 'Kantor Kecamatan'],
  ['RAPAT KOORDINASI', 'Senin 10 Juni', 'Aula Dinas Kesehatan'],
  ['SELAMAT HARI GURU', 'NASIONAL 2024', 'Terima kasih guruku'],
  ['JAGA NETRALITAS', 'PEMILU DAMAI 2024', 'Bawaslu Kota Malang'],
];

const wordsOf = (text: string) => text.toUpperCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);

/**
 * OCR and perceptual hashing on images the bench renders itself: word recall against the words
 * drawn, images per machine-CPU-second (tesseract's own process included), beside the anchor of
 * the bare `tesseract` CLI on the same files in the same run; and pHash distances of copies vs
 * unrelated images.
 */
export async function benchMediaOcr() {
  const images: Array<{ bytes: Buffer; words: string[] }> = [];
  for (const [i, lines] of posters.entries()) {
    const style = i % 2 === 0 ? {} : { background: '#ffffff', foreground: '#1a1a1a', shape: 'none' as const };
    const original = await renderPoster(lines, style);
    const words = wordsOf(lines.join(' '));
    images.push({ bytes: original, words });
    images.push({ bytes: await sharp(original).resize(480).jpeg({ quality: 60 }).toBuffer(), words });
    images.push({ bytes: await sharp(original).composite([{ input: Buffer.from('<svg width="320" height="60"><text x="0" y="45" font-size="40" fill="#888" font-family="DejaVu Sans">@akun_asn</text></svg>'), top: 990, left: 720 }]).jpeg({ quality: 80 }).toBuffer(), words });
  }

  const recall = (texts: string[]) => {
    let found = 0;
    let total = 0;
    texts.forEach((text, i) => {
      const read = new Set(wordsOf(text));
      for (const word of images[i]!.words) {
        total++;
        if (read.has(word)) found++;
      }
    });
    return round(found / total);
  };

  const dir = mkdtempSync(path.join(tmpdir(), 'netra-bench-ocr-'));
  try {
    const files = images.map((image, i) => {
      const file = path.join(dir, `${i}.img`);
      writeFileSync(file, image.bytes);
      return file;
    });
    const anchorDone = measureMachine();
    const env = { ...process.env, OMP_THREAD_LIMIT: '1' };
    const anchorTexts = files.map((file) => spawnSync('tesseract', [file, 'stdout', '-l', 'ind+eng', '--psm', '6'], { encoding: 'utf8', env }).stdout);
    const anchor = anchorDone();

    const netraDone = measureMachine();
    const netraTexts: string[] = [];
    for (const image of images) netraTexts.push(await readImageText(image.bytes));
    const netra = netraDone();

    const hashes = await Promise.all(images.map((image) => perceptualHash(image.bytes)));
    const copyDistances = posters.flatMap((_, p) => [hammingDistance(hashes[3 * p]!, hashes[3 * p + 1]!), hammingDistance(hashes[3 * p]!, hashes[3 * p + 2]!)]);
    const scenes = await Promise.all([1, 2, 3, 4, 5].map(async (seed) => perceptualHash(await renderScene(seed))));
    const unrelated = posters.flatMap((_, p) => scenes.map((scene) => hammingDistance(hashes[3 * p]!, scene)));
    const otherPosters = posters.flatMap((_, p) => posters.flatMap((__, q) => (q > p ? [hammingDistance(hashes[3 * p]!, hashes[3 * q]!)] : [])));

    const rate = (n: number, cpu: number) => round(n / cpu, 2);
    return {
      images: images.length,
      anchor_bare_tesseract: { wall_seconds: anchor.seconds, machine_cpu_seconds: round(anchor.cpuSeconds), images_per_cpu_second: rate(images.length, anchor.cpuSeconds), word_recall: recall(anchorTexts) },
      netra_ocr: {
        wall_seconds: netra.seconds,
        machine_cpu_seconds: round(netra.cpuSeconds),
        images_per_cpu_second: rate(images.length, netra.cpuSeconds),
        word_recall: recall(netraTexts),
        times_the_bare_tesseract_cpu: round(netra.cpuSeconds / anchor.cpuSeconds),
      },
      phash_distance: {
        resized_or_marked_copy: { max: Math.max(...copyDistances), mean: round(mean(copyDistances)) },
        unrelated_photo: { min: Math.min(...unrelated), mean: round(mean(unrelated)) },
        other_poster_of_the_same_layout: { min: Math.min(...otherPosters), mean: round(mean(otherPosters)) },
      },
      goal: 'OCR word recall ≥ 0.9 on rendered posters; copies ≤ 6 bits, unrelated images far (≥ 16)',
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
