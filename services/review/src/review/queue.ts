import type { Kysely } from 'kysely';
import { z } from 'zod';
import { anyPlatforms, instant, reviewStatuses, violationCodes, type AnyPlatform, type EngagementKind, type PriorityPart, type Severity } from '@netra/core';
import { queueOrders, ReviewQueueRepository, type Database, type ItemScope, type QueueItemFilter, type QueueOrder, type QueueSummary } from '@netra/db';

export type { QueueSummary };

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

const queueOrder = z.enum(queueOrders);

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
  platform: z.enum(anyPlatforms).optional(),
  /** An election code: items whose evidence points to one of its candidates. */
  election: z.string().regex(/^[a-z0-9-]{1,64}$/).optional(),
  from: instant.optional(),
  to: instant.optional(),
  /** priority (the default): highest first, then oldest; oldest: by age alone. */
  sort: queueOrder.default('priority'),
  cursor: cursorSchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type QueueFilter = z.output<typeof queueFilterSchema>;

/** The order a page was reached in (`sort`), for the links it offers on; anything else is the default. */
export function queueOrderOf(query: unknown): QueueOrder {
  const parsed = queueOrder.safeParse((query as { sort?: unknown } | undefined)?.sort);
  return parsed.success ? parsed.data : 'priority';
}

/** Parses query parameters; an empty one (a form's "all" choice) counts as absent. */
export function parseQueueFilter(query: unknown): QueueFilter {
  const given = Object.entries((query ?? {}) as Record<string, unknown>).filter(([, value]) => value !== '');
  return queueFilterSchema.parse(Object.fromEntries(given));
}
type ItemFilter = Omit<QueueFilter, 'status' | 'sort' | 'cursor' | 'limit'>;

export interface QueueRow {
  id: string;
  status: string;
  priority: number;
  /** The points of each part of the priority; null for an item opened before they were kept. */
  priority_parts: Record<PriorityPart, number> | null;
  opened_at: Date;
  codes: string[];
  score: number;
  severity: Severity | null;
  candidates: string[];
  election_codes: string[];
  civil_servant: { name: string; region_code: string };
  agency: { id: number; code: string; name: string };
  subject_kind: 'post' | EngagementKind;
  platform: AnyPlatform;
  excerpt: string;
  from_report: boolean;
}

/** One page of the review queue, highest priority first, with the cursor of the next page. */
export async function listQueue(
  db: Kysely<Database>,
  scope: ItemScope,
  filter: QueueFilter,
): Promise<{ items: QueueRow[]; next_cursor: string | null }> {
  const rows = await new ReviewQueueRepository(db).page(scope, {
    ...itemFilterOf(filter),
    statuses: filter.status,
    order: filter.sort,
    limit: filter.limit,
    ...(filter.cursor ? { after: filter.cursor } : {}),
  });
  const page = rows.slice(0, filter.limit);
  const last = page.at(-1);
  return {
    items: page.map((row) => ({
      id: row.id,
      status: row.status,
      priority: row.priority,
      priority_parts: row.priority_parts,
      opened_at: row.opened_at,
      codes: row.codes,
      score: row.score,
      severity: row.severity,
      candidates: row.candidates,
      election_codes: row.election_codes,
      civil_servant: { name: row.full_name, region_code: row.region_code },
      agency: { id: row.agency_id, code: row.agency_code, name: row.agency_name },
      subject_kind: row.subject_kind,
      platform: row.platform,
      excerpt: row.excerpt,
      from_report: row.from_report,
    })),
    next_cursor: rows.length > filter.limit && last ? encodeCursor(last.priority, last.id) : null,
  };
}

/** Counts per status and the oldest waiting item, under the same filters as the list (status aside). */
export function summarizeQueue(db: Kysely<Database>, scope: ItemScope, filter: ItemFilter): Promise<QueueSummary> {
  return new ReviewQueueRepository(db).summary(scope, itemFilterOf(filter));
}

function itemFilterOf(filter: ItemFilter): QueueItemFilter {
  return {
    ...(filter.agency !== undefined ? { agencyId: filter.agency } : {}),
    ...(filter.region ? { region: filter.region } : {}),
    ...(filter.code ? { code: filter.code } : {}),
    ...(filter.platform ? { platform: filter.platform } : {}),
    ...(filter.election ? { election: filter.election } : {}),
    ...(filter.from ? { from: filter.from } : {}),
    ...(filter.to ? { to: filter.to } : {}),
  };
}

function encodeCursor(priority: number, id: string): string {
  return Buffer.from(JSON.stringify([priority, id])).toString('base64url');
}
