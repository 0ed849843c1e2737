import { InvalidInputError, loadConfig, parseCommandLine, runMain } from '@netra/core';
import { connectDb } from '@netra/db';
import { toCsv } from './csv.js';
import { dimensions, statsQuerySchema } from './filters.js';
import { refreshStatistics } from './refresh.js';
import { reportNames, runReport, type ReportName } from './reports.js';
import { unrestrictedScope } from './scope.js';

const usage = `usage: npm run -s stats -- [--report ${reportNames.join('|')}] [--by ${dimensions.join(',')}]
       [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--election CODE] [--agency CODE] [--csv] [--no-refresh] [--help]`;

/**
 * `npm run -s stats`: a statistics report on DATABASE_URL, as JSON (or CSV with --csv). Brings
 * the statistics tables up to date first (an incremental refresh; --no-refresh reads them as they are).
 */
runMain(async () => {
  const { values } = parseCommandLine(usage, {
    allowNegative: true,
    options: {
      report: { type: 'string', default: 'counts' },
      by: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      election: { type: 'string' },
      agency: { type: 'string' },
      csv: { type: 'boolean', default: false },
      refresh: { type: 'boolean', default: true },
    },
  });
  if (!reportNames.includes(values.report as ReportName)) throw new InvalidInputError(`unknown report "${values.report}"\n${usage}`);
  const parsed = statsQuerySchema.safeParse({ by: values.by, from: values.from, to: values.to, election: values.election, agency: values.agency });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new InvalidInputError(`--${String(issue.path[0] ?? 'by')}: ${issue.message}\n${usage}`);
  }
  const config = loadConfig(['DATABASE_URL']);
  const db = await connectDb(config.DATABASE_URL, { max: 2 });
  try {
    if (values.refresh) await refreshStatistics(db);
    const report = await runReport(db, values.report as ReportName, parsed.data, unrestrictedScope);
    process.stdout.write(values.csv ? toCsv(report) : `${JSON.stringify(report, null, 2)}\n`);
  } finally {
    await db.destroy();
  }
});
