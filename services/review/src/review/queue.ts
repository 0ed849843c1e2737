import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import { instant, platforms, reviewStatuses, violationCodes, type EngagementKind, type Platform, type ReviewStatus } from '@netra/core';
import type { Database } from '@netra/db';
import { effectiveStatus, visibleItems, type ItemScope } from './scope.js';

const EXCERPT_LENGTH = 160;
const MAX_BIGINT = 2n ** 63n - 1n;

/** The position after the last row of a page: (priority, id), opaque to clients. */
const cursorSchema = z
  .string()
  .transform((cursor, ctx) => {
    try {
      return JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'cursor is not one this API handed out' });
      return z.NEVER;
    }
  })
  // A bigint id: at most 2^63 - 1, or Postgres answers with an error instead of an empty page.
  .pipe(z.tuple([z.number(), z.string().regex(/^[0-9]{1,19}$/).refine((id) => BigInt(id) <= MAX_BIGINT, 'cursor is not one this API handed out')]));

export const queueFilterSchema = z.object({
  /** Comma-separated statuses; by default the work still to do. */
  status: z
    .string()
    .transform((list) => list.split(',').filter(Boolean))
    .pipe(z.array(z.enum(reviewStatuses)).min(1))
    .prefault('open,escalated'),
  agency: z.coerce.number().int().positive().optional(),
  /** Where the civil servant serves (Kemendagri code); a province includes its regencies. */
  region: z.string().regex(/^[0-9]{2}(\.[0-9]{2})*$/).optional(),
  code: z.enum(violationCodes).optional(),
  platform: z.enum(platforms).optional(),
  /** An election code: items whose evidence points to one of its candidates. */
  election: z.string().regex(/^[a-z0-9-]{1,64}$/).optional(),
  from: instant.optional(),
  to: instant.optional(),
  cursor: cursorSchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type QueueFilter = z.output<typeof queueFilterSchema>;

/** Parses query parameters; an empty one (a form's "all" choice) counts as absent. */
export function parseQueueFilter(query: unknown): QueueFilter {
  const given = Object.entries((query ?? {}) as Record<string, unknown>).filter(([, value]) => value !== '');
  return queueFilterSchema.parse(Object.fromEntries(given));
}
type ItemFilter = Omit<QueueFilter, 'status' | 'cursor' | 'limit'>;

/**
 * Stored statuses that can show as the wanted ones: a claim whose lease ran out shows as open
 * or escalated again. Filtering on the stored column first lets the queue's partial indexes
 * serve the page in order.
 */
function storedStatusesFor(wanted: readonly ReviewStatus[]): ReviewStatus[] {
  const stored = new Set(wanted);
  if (stored.has('open') || stored.has('escalated')) stored.add('claimed');
  return [...stored];
}

export interface QueueRow {
  id: string;
  status: string;
  priority: number;
  opened_at: Date;
  codes: string[];
  score: number;
  civil_servant: { name: string; region_code: string };
  agency: { id: number; code: string; name: string };
  subject_kind: 'post' | EngagementKind;
  platform: Platform;
  excerpt: string;
}

/** One page of the review queue, highest priority first, with the cursor of the next page. */
export async function listQueue(
  db: Kysely<Database>,
  scope: ItemScope,
  filter: QueueFilter,
): Promise<{ items: QueueRow[]; next_cursor: string | null }> {
  const platform = sql<Platform>`coalesce(p.platform, tp.platform)`;
  let query = withItemFilters(visibleItems(db, scope), filter)
    .innerJoin('agencies as a', 'a.id', 'ri.agency_id')
    .leftJoin('posts as ep', 'ep.id', 'e.evidence_post_id')
    .select([
      'ri.id',
      effectiveStatus.as('status'),
      'ri.priority',
      'ri.opened_at',
      'c.codes',
      'c.score',
      'cs.full_name',
      'cs.region_code',
      'a.id as agency_id',
      'a.code as agency_code',
      'a.name as agency_name',
      sql<'post' | EngagementKind>`coalesce(e.kind, 'post')`.as('subject_kind'),
      platform.as('platform'),
      // For a comment the ASN's own words come first; for a like or share, what they endorsed.
      sql<string>`left(coalesce(p.text, ep.text, tp.text), ${EXCERPT_LENGTH})`.as('excerpt'),
    ])
    .where('ri.status', 'in', storedStatusesFor(filter.status))
    .where(effectiveStatus, 'in', filter.status)
    // Priority already weighs score and the suggested severity; among equals the oldest comes first.
    .orderBy('ri.priority', 'desc')
    .orderBy('ri.id', 'asc')
    .limit(filter.limit + 1);
  if (filter.cursor) {
    const [priority, id] = filter.cursor;
    // ::real, so the cursor compares equal to the stored single-precision value.
    query = query.where(sql<boolean>`(ri.priority < ${priority}::real OR (ri.priority = ${priority}::real AND ri.id > ${id}))`);
  }

  const rows = await query.execute();
  const page = rows.slice(0, filter.limit);
  const last = page.at(-1);
  return {
    items: page.map((row) => ({
      id: row.id,
      status: row.status,
      priority: row.priority,
      opened_at: row.opened_at,
      codes: row.codes,
      score: row.score,
      civil_servant: { name: row.full_name, region_code: row.region_code },
      agency: { id: row.agency_id, code: row.agency_code, name: row.agency_name },
      subject_kind: row.subject_kind,
      platform: row.platform,
      excerpt: row.excerpt,
    })),
    next_cursor: rows.length > filter.limit && last ? encodeCursor(last.priority, last.id) : null,
  };
}

/**
 * The filters other than status, on a query over `ri` that joins nothing yet: the joins they
 * need are added here, so listing and counting filter alike.
 */
function withItemFilters<Q extends ReturnType<typeof visibleItems>>(items: Q, filter: ItemFilter) {
  let query = items
    .innerJoin('classifications as c', 'c.id', 'ri.classification_id')
    .innerJoin('civil_servants as cs', 'cs.id', 'ri.civil_servant_id')
    .leftJoin('posts as p', 'p.id', 'ri.post_id')
    .leftJoin('engagements as e', 'e.id', 'ri.engagement_id')
    .leftJoin('posts as tp', 'tp.id', 'e.target_post_id');
  if (filter.agency !== undefined) query = query.where('ri.agency_id', '=', filter.agency);
  if (filter.region) query = query.where((eb) => eb.or([eb('cs.region_code', '=', filter.region!), eb('cs.region_code', 'like', `${filter.region}.%`)]));
  if (filter.code) query = query.where(sql<boolean>`${filter.code} = ANY (c.codes)`);
  if (filter.platform) query = query.where(sql`coalesce(p.platform, tp.platform)`, '=', filter.platform);
  if (filter.election) {
    query = query.where(sql<boolean>`c.evidence @> ${JSON.stringify({ items: [{ candidate: { electionCode: filter.election } }] })}::jsonb`);
  }
  if (filter.from) query = query.where('ri.opened_at', '>=', filter.from);
  if (filter.to) query = query.where('ri.opened_at', '<', filter.to);
  return query;
}

export interface QueueSummary {
  counts: Record<ReviewStatus, number>;
  /** When the oldest item still waiting for a person (open or escalated) was opened. */
  oldest_waiting_opened_at: Date | null;
}

/** Counts per status and the oldest waiting item, under the same filters as the list (status aside). */
export async function summarizeQueue(db: Kysely<Database>, scope: ItemScope, filter: ItemFilter): Promise<QueueSummary> {
  const rows = await withItemFilters(visibleItems(db, scope), filter)
    .select([
      effectiveStatus.as('status'),
      sql<number>`count(*)::int`.as('n'),
      sql<Date | null>`min(ri.opened_at)`.as('oldest'),
    ])
    .groupBy(sql`1`)
    .execute();
  const counts = Object.fromEntries(reviewStatuses.map((status) => [status, 0])) as Record<ReviewStatus, number>;
  let oldest: Date | null = null;
  for (const row of rows) {
    counts[row.status] = row.n;
    if ((row.status === 'open' || row.status === 'escalated') && row.oldest && (!oldest || row.oldest < oldest)) oldest = row.oldest;
  }
  return { counts, oldest_waiting_opened_at: oldest };
}

function encodeCursor(priority: number, id: string): string {
  return Buffer.from(JSON.stringify([priority, id])).toString('base64url');
}
