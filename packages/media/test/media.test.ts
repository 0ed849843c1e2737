import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { renderPoster, renderScene } from '@netra/sim-platform';
import { hammingDistance, inspectImage, perceptualHash, readImageText, UnacceptableImage } from '../src/index.js';

const words = (text: string) => new Set(text.toUpperCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean));

describe('reading the words in an image (Tesseract, ind+eng)', () => {
  it('reads a campaign poster, and a shrunk, recompressed copy of it', async () => {
    const poster = await renderPoster(['AYO COBLOS', 'NOMOR 2', 'PRABOWO-GIBRAN', 'LANJUTKAN!']);
    const small = await sharp(poster).resize(480).jpeg({ quality: 60 }).toBuffer();
    for (const image of [poster, small]) {
      const read = words(await readImageText(image));
      for (const word of ['AYO', 'COBLOS', 'NOMOR', '2', 'PRABOWO', 'GIBRAN', 'LANJUTKAN']) expect(read, word).toContain(word);
    }
  }, 60_000);

  it('keeps a notice\'s lines apart', async () => {
    const text = await readImageText(await renderPoster(['PENGUMUMAN', 'Pelayanan KTP', 'hari Sabtu'], { background: '#ffffff', foreground: '#202020', shape: 'none' }));
    expect(text.split('\n')).toEqual(['PENGUMUMAN', 'Pelayanan KTP', 'hari Sabtu']);
  }, 60_000);
});

describe('perceptual hash', () => {
  it('finds a resized, recompressed or marked copy close and unrelated images far', async () => {
    const poster = await renderPoster(['SALAM 3 JARI', 'GANJAR-MAHFUD', 'SAT SET!'], { background: '#c62828', shape: 'stripes' });
    const copies = [
      await sharp(poster).resize(360).jpeg({ quality: 45 }).toBuffer(),
      await sharp(poster).resize(1600).webp({ quality: 70 }).toBuffer(),
      await sharp(poster).composite([{ input: Buffer.from('<svg width="300" height="60"><text x="0" y="45" font-size="40" fill="white" font-family="DejaVu Sans">@akun_asn</text></svg>'), top: 1000, left: 760 }]).png().toBuffer(),
    ];
    const original = await perceptualHash(poster);
    expect(original).toMatch(/^[0-9a-f]{16}$/);
    for (const copy of copies) expect(hammingDistance(original, await perceptualHash(copy))).toBeLessThanOrEqual(6);
    for (const seed of [1, 2, 3]) expect(hammingDistance(original, await perceptualHash(await renderScene(seed)))).toBeGreaterThanOrEqual(16);
  }, 60_000);
});

describe('checking an image before reading it', () => {
  it('hashes the bytes as received and names the format and size', async () => {
    const bytes = await renderScene(4);
    expect(await inspectImage(bytes)).toEqual({ sha256: createHash('sha256').update(bytes).digest('hex'), format: 'jpeg', width: 1080, height: 810, bytes: bytes.length });
  });

  it('refuses what is not an image, too large or too many pixels, saying which', async () => {
    await expect(inspectImage(Buffer.from('<html>bukan gambar</html>'))).rejects.toThrow(new UnacceptableImage('the file is not an image (accepted: jpeg, png, webp, gif, tiff, avif, heif)'));
    await expect(inspectImage(Buffer.alloc(0))).rejects.toThrow('the file is empty');
    const bytes = await renderScene(5);
    await expect(inspectImage(bytes, { maxBytes: 1000, maxPixels: 1e9 })).rejects.toThrow(/^the file is \d+ KiB, more than the 1 KiB allowed$/);
    await expect(inspectImage(bytes, { maxBytes: 1e9, maxPixels: 1000 })).rejects.toThrow('the image is 1080×810 pixels, more than the 1,000 allowed');
  });
});
