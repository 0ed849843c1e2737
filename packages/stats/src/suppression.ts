import type { StatsTable } from './counts.js';
import type { ReportName } from './reports.js';

/**
 * Small-cell suppression for those who may not see the cases themselves (analysts). A count of
 * 1 to 4 flags in one agency, region, code and week, read beside outside knowledge, can name
 * the civil servant (UU 27/2022 on personal data); such a cell shows as "<5", and so does a
 * figure computed from it (a rate, a median of so few). Zero stays visible: it names no one.
 *
 * Totals are not adjusted to hide suppressed cells (no complementary suppression): a margin
 * minus the visible cells can narrow a suppressed one down. docs/statistics.md says so.
 */
export const SMALL_CELL_THRESHOLD = 5;
export const SUPPRESSED = `<${SMALL_CELL_THRESHOLD}`;

interface CellRules {
  counts: readonly string[];
  /** Figures computed from a count: hidden when that count is. */
  derived: Readonly<Record<string, string>>;
}

const rules: Record<ReportName, CellRules> = {
  counts: { counts: ['flags', 'confirmed', 'dismissed', 'decided', 'pending'], derived: { confirm_rate: 'decided' } },
  'decision-times': { counts: ['decided'], derived: { median_seconds: 'decided', p90_seconds: 'decided' } },
  backlog: {
    counts: ['undecided', 'under_1d', 'from_1d_to_3d', 'from_3d_to_7d', 'from_7d_to_14d', 'over_14d'],
    derived: { oldest_age_hours: 'undecided' },
  },
  // About reviewers' work, not about civil servants.
  reviewers: { counts: [], derived: {} },
};

export function suppressSmallCells(report: ReportName, table: StatsTable): StatsTable {
  const { counts, derived } = rules[report];
  const small = (value: unknown) => typeof value === 'number' && value > 0 && value < SMALL_CELL_THRESHOLD;
  const rows = table.rows.map((row) => {
    const out = { ...row };
    for (const column of counts) if (small(row[column])) out[column] = SUPPRESSED;
    for (const [column, basis] of Object.entries(derived)) if (small(row[basis]) && row[column] !== null) out[column] = SUPPRESSED;
    return out;
  });
  return { ...table, rows };
}
