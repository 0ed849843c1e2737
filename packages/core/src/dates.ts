import { z } from 'zod';

/**
 * Dates typed into query strings. Date.parse rolls 2024-02-31 over into March and accepts
 * -271821-04-20, which Postgres then refuses with a 500; these refuse both with a 400.
 */
const MIN_YEAR = 1900;
const MAX_YEAR = 9999;

function isRealDay(value: string): boolean {
  const [year, month, day] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return year >= MIN_YEAR && year <= MAX_YEAR && date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** A day of the calendar, YYYY-MM-DD, that exists. */
export const calendarDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
  .refine(isRealDay, 'is not a real date');

/** A day (its midnight UTC) or an ISO 8601 date-time with zone, as a Date. */
export const instant = z
  .union([calendarDay, z.iso.datetime({ offset: true }).refine((value) => isRealDay(value.slice(0, 10)), 'is not a real date')])
  .transform((value) => new Date(value));
