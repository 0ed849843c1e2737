import { createReadStream } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createInterface } from 'node:readline';
import { createClassifier } from '../classifier.js';
import { loadCandidatesCsv } from './candidates-csv.js';
import { parseInputLine } from './input-line.js';

/**
 * npm run -s classify -- FILE.jsonl [--candidates FILE.csv]
 * One JSON object in per line, one result line out per input (shared/DESIGN.md). A malformed
 * line is reported on stderr with its line number; the rest is still classified and the exit
 * code is 1 at the end. FILE '-' (or none) reads stdin.
 */
const defaultCandidates = fileURLToPath(new URL('../../../../data/demo/candidates.csv', import.meta.url));

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({ options: { candidates: { type: 'string' } }, allowPositionals: true });
  const file = positionals[0] ?? '-';
  const classifier = createClassifier({ directory: loadCandidatesCsv(values.candidates ?? defaultCandidates) });
  const lines = createInterface({ input: file === '-' ? process.stdin : createReadStream(file), crlfDelay: Infinity });

  let lineNumber = 0;
  let failures = 0;
  for await (const line of lines) {
    lineNumber++;
    if (line.trim() === '') continue;
    try {
      const input = parseInputLine(line);
      const { flagged, score, codes, severity, evidence, exception } = classifier.classify(input);
      const out = { id: input.id, flagged, score, codes, severity, evidence, ...(exception ? { exception } : {}) };
      process.stdout.write(`${JSON.stringify(out)}\n`);
    } catch (error) {
      failures++;
      process.stderr.write(`line ${lineNumber}: ${error instanceof Error ? error.message : String(error)}\n`);
    }
  }
  return failures === 0 ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`classify: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
