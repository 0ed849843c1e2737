import sharp from 'sharp';

const side = 32;
const kept = 8;

// cos((2x + 1) u π / 2N) for the kept frequencies: the same table for every image.
const cosines = Array.from({ length: kept }, (_, u) => Float64Array.from({ length: side }, (_, x) => Math.cos(((2 * x + 1) * u * Math.PI) / (2 * side))));

/**
 * The 64-bit DCT perceptual hash (pHash) as 16 hex digits: greyscale 32×32, the 8×8 lowest
 * frequencies of its DCT, one bit per coefficient above their median. A shrunk, recompressed or
 * lightly marked copy of an image stays within a few bits; unrelated images differ in ~32.
 */
export async function perceptualHash(bytes: Buffer): Promise<string> {
  const pixels = await sharp(bytes, { limitInputPixels: false }).rotate().greyscale().resize(side, side, { fit: 'fill', kernel: 'lanczos3' }).raw().toBuffer();
  const coefficients: number[] = [];
  for (let u = 0; u < kept; u++) {
    for (let v = 0; v < kept; v++) {
      let sum = 0;
      for (let y = 0; y < side; y++) {
        const cy = cosines[u]![y]!;
        for (let x = 0; x < side; x++) sum += pixels[y * side + x]! * cy * cosines[v]![x]!;
      }
      coefficients.push(sum);
    }
  }
  // The DC term is the image's mean brightness: it says nothing about its shapes.
  const median = [...coefficients.slice(1)].sort((a, b) => a - b)[(coefficients.length - 1) >> 1]!;
  let hex = '';
  for (let i = 0; i < coefficients.length; i += 4) {
    let nibble = 0;
    for (let b = 0; b < 4; b++) nibble = (nibble << 1) | (coefficients[i + b]! > median ? 1 : 0);
    hex += nibble.toString(16);
  }
  return hex;
}

/** Bits that differ between two hashes of equal length. */
export function hammingDistance(a: string, b: string): number {
  if (a.length !== b.length) throw new Error(`hashes of different lengths (${a.length}, ${b.length})`);
  let distance = 0;
  for (let i = 0; i < a.length; i++) {
    let x = Number.parseInt(a[i]!, 16) ^ Number.parseInt(b[i]!, 16);
    for (; x > 0; x >>= 1) distance += x & 1;
  }
  return distance;
}
