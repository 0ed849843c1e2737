import { spawn } from 'node:child_process';
import sharp from 'sharp';

export interface OcrOptions {
  /** Tesseract languages; Debian's tesseract-ocr-ind and -eng. */
  languages: string;
  timeoutMs: number;
}

export const defaultOcrOptions: OcrOptions = { languages: 'ind+eng', timeoutMs: 30_000 };

// Tesseract reads best at about 30 px per capital: thumbnails and small screenshots are enlarged,
// larger images are left alone (enlarging them costs CPU and reads no more words).
const minWidth = 1000;
const enlargedWidth = 1200;
// A uniform block of text (posters, screenshots); the sparse mode finds scattered words when the
// block reading finds almost nothing (a few words on a photo).
const blockMode = '6';
const sparseMode = '11';
const fewWords = 4;
// Tesseract "reads" a stray letter or bracket in the texture of a photo without text; fewer
// than two words is taken as no text, so a picture of a meal never carries a false "2".
const leastWords = 2;

/**
 * The words in an image, read by Tesseract (Debian's `tesseract-ocr` with the Indonesian and
 * English models; nothing is fetched at run time). The image is turned upright, greyscaled,
 * normalised and enlarged when small; a second, sparse pass runs when the first finds little.
 * Lines are kept: a poster's lines are separate statements.
 */
export async function readImageText(bytes: Buffer, options: OcrOptions = defaultOcrOptions): Promise<string> {
  const image = sharp(bytes, { limitInputPixels: false }).rotate().greyscale();
  const { width = 0 } = await image.metadata();
  const prepared = await (width > 0 && width < minWidth ? image.resize({ width: enlargedWidth, kernel: 'lanczos3' }) : image).normalise().png().toBuffer();
  const block = await tesseract(prepared, blockMode, options);
  if (wordCount(block) >= fewWords) return block;
  const sparse = await tesseract(prepared, sparseMode, options);
  const best = wordCount(sparse) > wordCount(block) ? sparse : block;
  return wordCount(best) >= leastWords ? best : '';
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter((w) => /\p{L}{2,}/u.test(w)).length;
}

function tesseract(png: Buffer, mode: string, options: OcrOptions): Promise<string> {
  return new Promise((resolve, reject) => {
    // One thread: tesseract's OpenMP threads cost ~2.7x the CPU on this machine kind for the same
    // words; parallelism comes from several images and workers instead.
    const env = { ...process.env, OMP_THREAD_LIMIT: '1' };
    const child = spawn('tesseract', ['stdin', 'stdout', '-l', options.languages, '--psm', mode], { stdio: ['pipe', 'pipe', 'pipe'], env });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(error.code === 'ENOENT' ? new Error('tesseract is not installed (apt-get install tesseract-ocr tesseract-ocr-ind)') : error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (signal === 'SIGKILL') reject(new Error(`tesseract took longer than ${options.timeoutMs} ms`));
      else if (code !== 0) reject(new Error(`tesseract failed (${code}): ${Buffer.concat(err).toString('utf8').trim().slice(0, 300)}`));
      else resolve(tidy(Buffer.concat(out).toString('utf8')));
    });
    child.stdin.on('error', () => undefined); // a tesseract that died early reports through 'close'
    child.stdin.end(png);
  });
}

/** Lines without trailing spaces, no empty runs, no form feed. */
function tidy(text: string): string {
  return text
    .replace(/\f/g, '')
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}
