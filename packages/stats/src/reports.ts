import { InvalidInputError } from '@netra/core';
import type { Db } from '@netra/db';
import { backlogByAge } from './backlog.js';
import { flagCounts, type StatsTable } from './counts.js';
import { decisionTimes } from './decision-times.js';
import type { Dimension, StatsQuery } from './filters.js';
import { decisionsPerReviewer } from './reviewers.js';
import type { StatsScope } from './scope.js';
import { suppressSmallCells } from './suppression.js';

export const reportNames = ['counts', 'decision-times', 'backlog', 'reviewers'] as const;
export type ReportName = (typeof reportNames)[number];

export interface StatsReport extends StatsTable {
  report: ReportName;
  by: Dimension[];
  filters: { from: string | null; to: string | null; election: string | null; agency: string | null };
  /** When the statistics tables were last refreshed (the backlog is always live). */
  refreshed_at: string | null;
}

/** One named report for a query and a scope: what the API, the page and the CLI all call. */
export async function runReport(db: Db, report: ReportName, query: StatsQuery, scope: StatsScope): Promise<StatsReport> {
  const computed = await tableFor(db, report, query, scope);
  const table = scope.suppressSmallCells ? suppressSmallCells(report, computed) : computed;
  const state = await db.selectFrom('stats_refresh_state').select('refreshed_at').executeTakeFirst();
  return {
    report,
    by: query.by,
    filters: { from: query.from ?? null, to: query.to ?? null, election: query.election ?? null, agency: query.agency ?? null },
    refreshed_at: state?.refreshed_at.toISOString() ?? null,
    ...table,
  };
}

function tableFor(db: Db, report: ReportName, query: StatsQuery, scope: StatsScope): Promise<StatsTable> {
  switch (report) {
    case 'counts':
      return flagCounts(db, query.by, query, scope);
    case 'decision-times':
      return decisionTimes(db, query.by, query, scope);
    case 'backlog':
      onlyDimensions(report, query.by, ['agency']);
      return backlogByAge(db, { byAgency: query.by.includes('agency') }, query, scope);
    case 'reviewers':
      onlyDimensions(report, query.by, []);
      return decisionsPerReviewer(db, query, scope);
  }
}

function onlyDimensions(report: ReportName, by: readonly Dimension[], allowed: readonly Dimension[]): void {
  const extra = by.filter((d) => !allowed.includes(d));
  if (extra.length > 0) {
    throw new InvalidInputError(`the ${report} report cannot be grouped by ${extra.join(', ')}`, { allowed });
  }
}
