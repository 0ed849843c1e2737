import { sql, type RawBuilder } from 'kysely';

/**
 * The whole calendar months inside an inclusive day range, as [from, until) month starts
 * (YYYY-MM-01); null: unbounded on that side. Monthly rollups answer those months; the days of
 * the range outside them (partial months at its edges) come from the daily data.
 * `from >= until` means the range holds no whole month.
 */
export interface WholeMonths {
  from: string | null;
  until: string | null;
}

export function wholeMonthsOf(range: { from?: string | undefined; to?: string | undefined }): WholeMonths {
  return {
    // The first month starting on or after `from`.
    from: range.from ? monthStart(addDays(range.from, -1), 1) : null,
    // The month after the last one ending on or before `to`.
    until: range.to ? monthStart(addDays(range.to, 1), 0) : null,
  };
}

/** The first day of the month `day` falls in, moved by `months`. */
export function monthStart(day: string, months = 0): string {
  const d = new Date(`${day.slice(0, 7)}-01T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
}

function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** All days of the month starting on `month`. */
export function daysOfMonth(month: string): string[] {
  const days: string[] = [];
  for (let day = month; day < monthStart(month, 1); day = addDays(day, 1)) days.push(day);
  return days;
}

/** A day as a bound of `column`: a date, or for a timestamp column its midnight in WIB. */
export type DayBound = (day: string) => RawBuilder<unknown>;
export const asDate: DayBound = (day) => sql`${day}::date`;
export const asWibMidnight: DayBound = (day) => sql`(${day}::date)::timestamp AT TIME ZONE 'Asia/Jakarta'`;

/** `column` lies in the whole months (true when unbounded). */
export function inWholeMonths(months: WholeMonths, column: string, bound: DayBound = asDate): RawBuilder<boolean> {
  const conditions = [
    ...(months.from ? [sql`${sql.ref(column)} >= ${bound(months.from)}`] : []),
    ...(months.until ? [sql`${sql.ref(column)} < ${bound(months.until)}`] : []),
  ];
  return conditions.length > 0 ? sql<boolean>`(${sql.join(conditions, sql` AND `)})` : sql<boolean>`true`;
}

/** `column` lies outside the whole months: in the partial months at the edges (false when none). */
export function outsideWholeMonths(months: WholeMonths, column: string, bound: DayBound = asDate): RawBuilder<boolean> {
  const conditions = [
    ...(months.from ? [sql`${sql.ref(column)} < ${bound(months.from)}`] : []),
    ...(months.until ? [sql`${sql.ref(column)} >= ${bound(months.until)}`] : []),
  ];
  return conditions.length > 0 ? sql<boolean>`(${sql.join(conditions, sql` OR `)})` : sql<boolean>`false`;
}
