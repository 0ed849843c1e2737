import { z } from 'zod';
import { calendarDay } from '@netra/core';

/**
 * What an analyst may group and filter by, shared by the API, the page and the CLI so the three
 * accept exactly the same words.
 */
export const dimensions = ['agency', 'province', 'regency', 'code', 'severity', 'platform', 'election', 'phase', 'day', 'week'] as const;
export type Dimension = (typeof dimensions)[number];

/**
 * Where the activity fell in its election's calendar (elections.campaign_starts_on,
 * campaign_ends_on, vote_on): the rules apply before the campaign too, and the quiet period is
 * when any campaigning is out of bounds. 'none': the evidence names no election.
 */
export const electionPhases = ['before_campaign', 'campaign', 'quiet_period', 'vote_day', 'after_vote', 'none'] as const;
export type ElectionPhase = (typeof electionPhases)[number];

/** `by=agency,code` (or repeated `by`), deduplicated, in the order given. */
const dimensionList = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((value) => (value === undefined ? [] : [value].flat().flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean)))
  .pipe(z.array(z.enum(dimensions)))
  .transform((list) => [...new Set(list)])
  .refine((list) => !(list.includes('day') && list.includes('week')), 'group by day or by week, not both');

export const statsQuerySchema = z
  .object({
    by: dimensionList,
    from: calendarDay.optional(),
    to: calendarDay.optional(),
    /** An election code, e.g. 'pilpres-2024'. */
    election: z.string().min(1).max(100).optional(),
    /** An agency code (or numeric id). */
    agency: z.string().min(1).max(100).optional(),
    format: z.enum(['json', 'csv']).default('json'),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'from must not be after to', path: ['from'] });

export type StatsQuery = z.output<typeof statsQuerySchema>;
export type StatsFilter = Pick<StatsQuery, 'from' | 'to' | 'election' | 'agency'>;
