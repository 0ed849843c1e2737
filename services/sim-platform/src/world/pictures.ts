import sharp from 'sharp';

export interface PosterStyle {
  background?: string;
  foreground?: string;
  width?: number;
  height?: number;
  /** A shape behind the words, so that posters differ in more than their text. */
  shape?: 'circle' | 'stripes' | 'none';
}

const escapeXml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * A poster or notice as a PNG, rendered from SVG by sharp (librsvg, DejaVu fonts): lines of bold
 * text on a coloured ground: what the simulated platforms serve as attached images, and what tests
 * OCR and hash (images made here, not files we ship).
 */
export async function renderPoster(lines: readonly string[], style: PosterStyle = {}): Promise<Buffer> {
  const { background = '#b00020', foreground = '#ffffff', width = 1080, height = 1080, shape = 'circle' } = style;
  const size = Math.round(Math.min(88, (width * 1.5) / Math.max(...lines.map((l) => l.length), 1)));
  const decoration =
    shape === 'circle'
      ? `<circle cx="${width * 0.8}" cy="${height * 0.82}" r="${width * 0.15}" fill="#ffd54f"/>`
      : shape === 'stripes'
        ? Array.from({ length: 6 }, (_, i) => `<rect x="0" y="${(height / 6) * i}" width="${width}" height="${height / 24}" fill="#ffffff22"/>`).join('')
        : '';
  const text = lines.map((line, i) => `<text x="${width * 0.06}" y="${height * 0.18 + i * size * 1.5}" font-family="DejaVu Sans" font-weight="bold" font-size="${size}" fill="${foreground}">${escapeXml(line)}</text>`).join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="${background}"/>${decoration}${text}</svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

/** A photo-like picture without text: smooth colour gradients and blobs, seeded. */
export async function renderScene(seed: number, width = 1080, height = 810): Promise<Buffer> {
  const random = (n: number) => {
    const x = Math.sin(seed * 9301 + n * 49297) * 233280;
    return x - Math.floor(x);
  };
  const blobs = Array.from({ length: 7 }, (_, i) => `<ellipse cx="${random(i) * width}" cy="${random(i + 10) * height}" rx="${60 + random(i + 20) * 260}" ry="${60 + random(i + 30) * 200}" fill="hsl(${Math.round(random(i + 40) * 360)},60%,${30 + Math.round(random(i + 50) * 40)}%)"/>`).join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><defs><linearGradient id="g" x1="0" y1="0" x2="${random(99)}" y2="1"><stop offset="0" stop-color="hsl(${Math.round(random(98) * 360)},50%,70%)"/><stop offset="1" stop-color="hsl(${Math.round(random(97) * 360)},50%,25%)"/></linearGradient></defs><rect width="100%" height="100%" fill="url(#g)"/>${blobs}</svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 85 }).toBuffer();
}
