import { writeFileSync } from 'node:fs';
import { loadConfig, parseCommandLine, runMain } from '@netra/core';
import { connectDb } from '@netra/db';
import { exportDecisions } from '../export-decisions.js';
import { demoTruthRecords } from './demo-truth.js';
import { formatReport, runEval } from './eval.js';
import { loadCandidateFiles, loadNationalDirectory } from '@netra/classifier/candidates-csv';
import { corpusFiles, defaultCandidatesCsv } from './paths.js';
import { readLabelled } from './read-labelled.js';
import { retrain } from './retrain.js';

const usage = `usage: npm run -s classifier -- COMMAND
  eval [FILE.jsonl ...] [--json] [--mistakes]   P/R/F1 per code and overall, false-flag rate on neutral lines
                                                (default: the corpus's held-out split)
  retrain [FEEDBACK.jsonl ...]                  trains the model on the corpus's training split plus the
                                                given labelled files; writes packages/classifier/data/model.json
  export-decisions [--out FILE.jsonl]           reviewers' confirm/dismiss decisions from DATABASE_URL as labelled JSONL
  demo-truth [--out FILE.jsonl]                 the demo world's ground truth as labelled JSONL (for eval only)
options: --candidates FILE.csv, repeatable (default data/demo/candidates.csv, the list the corpus was
         labelled against); --candidates national reads the 2024 elections nationwide (data/elections/2024)`;

async function main(): Promise<number> {
  const { values, positionals } = parseCommandLine(usage, {
    options: { candidates: { type: 'string', multiple: true }, out: { type: 'string' }, json: { type: 'boolean' }, mistakes: { type: 'boolean' } },
    allowPositionals: true,
  });
  const [command, ...inputs] = positionals;
  const files = values.candidates ?? [defaultCandidatesCsv];
  const candidates = () => (files.includes('national') ? loadNationalDirectory() : loadCandidateFiles(files));
  const writeJsonl = (records: readonly Record<string, unknown>[]) => {
    const text = records.map((r) => `${JSON.stringify(r)}\n`).join('');
    if (values.out) writeFileSync(values.out, text);
    else process.stdout.write(text);
  };

  switch (command) {
    case 'eval': {
      const run = runEval(readLabelled(inputs.length > 0 ? inputs : corpusFiles('heldout')), candidates());
      process.stdout.write(values.json ? `${JSON.stringify({ version: run.version, ...run.report }, null, 2)}\n` : `${formatReport(run)}\n`);
      if (values.mistakes) for (const m of run.mistakes) process.stdout.write(`${JSON.stringify(m)}\n`);
      return 0;
    }
    case 'retrain': {
      const model = retrain(readLabelled([...corpusFiles('train'), ...inputs]), candidates());
      process.stdout.write(`${JSON.stringify({ version: model.version, trainedOn: model.trainedOn, calibration: model.calibration, crossValidation: model.crossValidation })}\n`);
      return 0;
    }
    case 'export-decisions': {
      const db = await connectDb(loadConfig(['DATABASE_URL']).DATABASE_URL);
      try {
        writeJsonl(await exportDecisions(db));
      } finally {
        await db.destroy();
      }
      return 0;
    }
    case 'demo-truth':
      writeJsonl(demoTruthRecords());
      return 0;
    default:
      process.stderr.write(`${usage}\n`);
      return 2;
  }
}

runMain(main, { name: 'classifier' });
