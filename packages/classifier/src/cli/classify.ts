import { createReadStream } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { parseCommandLine, runMain } from '@netra/core';
import { createClassifier } from '../classifier.js';
import type { Evidence } from '../types.js';
import { loadCandidateFiles, loadNationalDirectory } from './candidates-csv.js';
import { parseInputLine } from './input-line.js';
import { readMedia } from './read-media.js';
import { loadRegionDirectory } from './regions-csv.js';

const usage = 'usage: npm run -s classify -- [FILE.jsonl|-] [--candidates FILE.csv ...]';

/**
 * npm run -s classify -- FILE.jsonl [--candidates FILE.csv ...]
 * One JSON object in per line, one result line out per input (shared/DESIGN.md). A malformed
 * line, or a "region" that is neither a Kemendagri code nor a region's name, is reported on
 * stderr with its line number; the rest is still classified and the exit code is 1 at the end.
 * A line may carry "media": [{"path": "FILE"}] (relative to the input file's folder): each image is
 * checked, hashed and read by OCR, its words classified as the ASN's own, and the output line
 * gains "media": [{"index", "sha256", "text", "phash"}], evidence from an image carrying
 * "media_index". FILE '-' (or none) reads stdin. Candidates default to the 2024 elections nationwide
 * (data/elections/2024); `--candidates data/demo/candidates.csv` gives the demo world's list.
 */
async function main(): Promise<number> {
  const { values, positionals } = parseCommandLine(usage, { options: { candidates: { type: 'string', multiple: true } }, allowPositionals: true });
  const file = positionals[0] ?? '-';
  const baseDir = file === '-' ? process.cwd() : dirname(resolve(file));
  const classifier = createClassifier({ directory: values.candidates ? loadCandidateFiles(values.candidates) : loadNationalDirectory() });
  const regions = loadRegionDirectory();
  // A reader that closed the pipe ('| head') has what it wanted: stop quietly.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? 0);
  });
  const lines = createInterface({ input: file === '-' ? process.stdin : createReadStream(file), crlfDelay: Infinity });

  let lineNumber = 0;
  let failures = 0;
  for await (const line of lines) {
    lineNumber++;
    if (line.trim() === '') continue;
    try {
      const input = parseInputLine(line);
      if (input.regionCode !== undefined && input.regionCode !== null) {
        const found = regions.lookup(input.regionCode);
        if ('error' in found) throw new Error(`"region": ${found.error}`);
        input.regionCode = found.region.code;
      }
      const { mediaPaths, ...classifierInput } = input;
      const media = mediaPaths ? await readMedia(mediaPaths, baseDir) : undefined;
      if (media) classifierInput.mediaTexts = media.map((m) => m.text);
      const { flagged, score, codes, severity, evidence, exception } = classifier.classify(classifierInput);
      const out = { id: input.id, flagged, score, codes, severity, evidence: evidence.map(withSnakeCaseMediaIndex), ...(exception ? { exception } : {}), ...(media ? { media } : {}) };
      process.stdout.write(`${JSON.stringify(out)}\n`);
    } catch (error) {
      failures++;
      process.stderr.write(`line ${lineNumber}: ${error instanceof Error ? error.message : String(error)}\n`);
    }
  }
  return failures === 0 ? 0 : 1;
}

// The CLI's JSON says "media_index" (shared/DESIGN.md), as its input says "target_text".
function withSnakeCaseMediaIndex({ mediaIndex, ...rest }: Evidence): Record<string, unknown> {
  return mediaIndex === undefined ? rest : { ...rest, media_index: mediaIndex };
}

runMain(main, { name: 'classify', failureCode: 2 });
