import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import { reviewStatuses, type EngagementKind, type AnyPlatform, type PriorityPart, type ReviewStatus, type Severity } from '@netra/core';
import type { Database, ReviewItemTable } from '../schema.js';
import { listElections } from './elections.js';
import { currentPostText } from './post-versions.js';

/**
 * Which review items a viewer may see (invariant 4): an agency's own neutrality team sees only
 * that agency's items; central reviewers see all.
 */
export type ItemScope = { kind: 'agency'; agencyId: number } | { kind: 'all' };

/** `review_items AS ri`, narrowed to what the scope allows: every item read starts here. */
export function visibleItems(db: Kysely<Database>, scope: ItemScope) {
  const items = db.selectFrom('review_items as ri');
  return scope.kind === 'all' ? items : items.where('ri.agency_id', '=', scope.agencyId);
}

/**
 * The status a reviewer should see of `review_items AS ri`: a claim whose lease has run out is
 * free again, and the item goes back to where it was before the claim (escalation sticks).
 */
export const effectiveStatus = sql<ReviewStatus>`
  CASE WHEN ri.status = 'claimed' AND ri.claim_expires_at <= now()
    THEN CASE WHEN ri.escalated THEN 'escalated' ELSE 'open' END
    ELSE ri.status
  END`;

/** What narrows the queue besides the viewer's scope; every field is optional. */
export interface QueueItemFilter {
  agencyId?: number;
  /** A Kemendagri code; a province includes its regencies. */
  region?: string;
  code?: string;
  platform?: AnyPlatform;
  /** Items whose evidence names a candidate of this election. */
  election?: string;
  /** opened_at in [from, to). */
  from?: Date;
  to?: Date;
}

/** Highest priority first (then oldest), or oldest first. */
export const queueOrders = ['priority', 'oldest'] as const;
export type QueueOrder = (typeof queueOrders)[number];

export interface QueuePageQuery extends QueueItemFilter {
  statuses: readonly ReviewStatus[];
  order?: QueueOrder;
  /** The (priority, id) of the last row of the previous page; oldest first reads only its id. */
  after?: readonly [number, string];
  limit: number;
}

export interface QueuePageRow {
  id: string;
  status: ReviewStatus;
  priority: number;
  priority_parts: Record<PriorityPart, number> | null;
  opened_at: Date;
  codes: string[];
  score: number;
  severity: Severity | null;
  /** The candidates the evidence names, each once, as '02 Prabowo–Gibran'. */
  candidates: string[];
  election_codes: string[];
  full_name: string;
  region_code: string;
  agency_id: number;
  agency_code: string;
  agency_name: string;
  subject_kind: 'post' | EngagementKind;
  platform: AnyPlatform;
  excerpt: string;
  /** The post came in as a report from the public or staff. */
  from_report: boolean;
}

export interface QueueSummary {
  counts: Record<ReviewStatus, number>;
  /** When the oldest item still waiting for a person (open or escalated) was opened. */
  oldest_waiting_opened_at: Date | null;
}

const EXCERPT_LENGTH = 160;
const WAITING_STORED: ReviewStatus[] = ['open', 'claimed', 'escalated'];

type Items = SelectQueryBuilder<Database & { ri: ReviewItemTable }, 'ri', {}>;

/**
 * Every read of the review queue. A page walks one index per stored status in (priority, id)
 * order with the filters on review_items' own columns, and joins the rest only for the rows it
 * returns; counts come from review_queue_counts, not from the items (migration 0011).
 */
export class ReviewQueueRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** One page in the query's order, and one row more than `limit` when another page follows. */
  async page(scope: ItemScope, query: QueuePageQuery): Promise<QueuePageRow[]> {
    const wanted = [...query.statuses];
    const oldestFirst = query.order === 'oldest';
    // One branch per stored status, each ordered and limited on its own index, merged below: an
    // IN list over the statuses would make Postgres sort every matching row instead.
    const branches = storedStatusesFor(wanted).map((stored) => {
      let branch = this.items(scope, query).select(['ri.id', 'ri.priority']).where('ri.status', '=', stored);
      if (stored === 'claimed') branch = branch.where(effectiveStatus, 'in', wanted);
      if (query.after) {
        const [priority, id] = query.after;
        // ::real, so the cursor compares equal to the stored single-precision value.
        branch = branch.where(oldestFirst ? sql<boolean>`ri.id > ${id}::bigint` : sql<boolean>`(-ri.priority, ri.id) > (-(${priority}::real), ${id}::bigint)`);
      }
      const ordered = (oldestFirst ? branch.orderBy('ri.id') : branch.orderBy(sql`-ri.priority`).orderBy('ri.id')).limit(query.limit + 1);
      return this.db.selectFrom(ordered.as('b')).selectAll();
    });
    const [first, ...rest] = branches;
    if (!first) return [];
    const merged = rest.reduce((union, branch) => union.unionAll(branch), first);

    return this.db
      .selectFrom(merged.as('page'))
      .innerJoin('review_items as ri', 'ri.id', 'page.id')
      .innerJoin('classifications as c', 'c.id', 'ri.classification_id')
      .innerJoin('civil_servants as cs', 'cs.id', 'ri.civil_servant_id')
      .innerJoin('agencies as a', 'a.id', 'ri.agency_id')
      .leftJoin('posts as p', 'p.id', 'ri.post_id')
      .leftJoin('engagements as e', 'e.id', 'ri.engagement_id')
      .leftJoin('posts as tp', 'tp.id', 'e.target_post_id')
      .leftJoin('posts as ep', 'ep.id', 'e.evidence_post_id')
      .select([
        'ri.id',
        effectiveStatus.as('status'),
        'ri.priority',
        'ri.priority_parts',
        'ri.opened_at',
        'ri.codes',
        'c.score',
        'c.severity',
        // Read from the page's own rows only (at most `limit`), never across the queue.
        sql<string[]>`ARRAY(
          SELECT DISTINCT concat_ws(' ', lpad(cand->>'ballotNumber', 2, '0'), cand->>'label')
          FROM jsonb_path_query(c.evidence, '$.items[*].candidate') AS cand
          WHERE jsonb_typeof(cand) = 'object')`.as('candidates'),
        'ri.election_codes',
        'cs.full_name',
        'ri.region_code',
        'a.id as agency_id',
        'a.code as agency_code',
        'a.name as agency_name',
        sql<'post' | EngagementKind>`coalesce(e.kind, 'post')`.as('subject_kind'),
        'ri.platform',
        // For a comment the ASN's own words come first, as they read now (as classified); for a
        // like or share, what they endorsed, as captured.
        sql<string>`left(coalesce(${currentPostText('p')}, ${currentPostText('ep')}, tp.text), ${EXCERPT_LENGTH})`.as('excerpt'),
        sql<boolean>`p.report_id IS NOT NULL`.as('from_report'),
      ])
      // Priority already weighs severity, score, reach and record; among equals the oldest comes first.
      .$if(!oldestFirst, (q) => q.orderBy('ri.priority', 'desc'))
      .orderBy('ri.id', 'asc')
      .limit(query.limit + 1)
      .execute();
  }

  /** Counts per status and the oldest waiting item, under the same filters as the page. */
  async summary(scope: ItemScope, filter: QueueItemFilter): Promise<QueueSummary> {
    const counts = Object.fromEntries(reviewStatuses.map((status) => [status, 0])) as Record<ReviewStatus, number>;
    const [stored, lapsed, oldest] = await Promise.all([
      filter.from || filter.to ? this.countItems(scope, filter) : this.countFromRollup(scope, filter),
      this.lapsedClaims(scope, filter),
      this.oldestWaiting(scope, filter),
    ]);
    for (const { status, n } of stored) counts[status] += n;
    // Stored counts know claims, not leases: a lapsed claim shows as open or escalated again.
    for (const { status, n } of lapsed) {
      counts.claimed -= n;
      counts[status] += n;
    }
    return { counts, oldest_waiting_opened_at: oldest };
  }

  /** Per stored status, from the counters; the few rows of one filter combination are summed. */
  private async countFromRollup(scope: ItemScope, filter: QueueItemFilter): Promise<{ status: ReviewStatus; n: number }[]> {
    let query = this.db
      .selectFrom('review_queue_counts as q')
      .select(['q.status', sql<number>`sum(q.items)::int`.as('n')])
      .where('q.code', '=', filter.code ?? '*')
      .where('q.election_code', '=', filter.election ?? '*')
      .groupBy('q.status');
    if (scope.kind === 'agency') query = query.where('q.agency_id', '=', scope.agencyId);
    if (filter.agencyId !== undefined) query = query.where('q.agency_id', '=', filter.agencyId);
    if (filter.platform) query = query.where('q.platform', '=', filter.platform);
    if (filter.region) query = query.where(inRegion('q.region_code', filter.region));
    return query.execute();
  }

  /** Per stored status, counted over the items: a date range cuts across the counters. */
  private async countItems(scope: ItemScope, filter: QueueItemFilter): Promise<{ status: ReviewStatus; n: number }[]> {
    return this.items(scope, filter).select(['ri.status', sql<number>`count(*)::int`.as('n')]).groupBy('ri.status').execute();
  }

  /** Claims whose lease ran out, by the status they show as. */
  private async lapsedClaims(scope: ItemScope, filter: QueueItemFilter): Promise<{ status: 'open' | 'escalated'; n: number }[]> {
    return this.items(scope, filter)
      .select([sql<'open' | 'escalated'>`CASE WHEN ri.escalated THEN 'escalated' ELSE 'open' END`.as('status'), sql<number>`count(*)::int`.as('n')])
      .where('ri.status', '=', 'claimed')
      .where('ri.claim_expires_at', '<=', sql<Date>`now()`)
      .groupBy(sql`1`)
      .execute();
  }

  private async oldestWaiting(scope: ItemScope, filter: QueueItemFilter): Promise<Date | null> {
    const row = await this.items(scope, filter)
      .select(sql<Date | null>`min(ri.opened_at)`.as('oldest'))
      .where('ri.status', 'in', WAITING_STORED)
      .where((eb) => eb.or([eb('ri.status', '!=', 'claimed'), eb('ri.claim_expires_at', '<=', sql<Date>`now()`)]))
      .executeTakeFirst();
    return row?.oldest ?? null;
  }

  /**
   * What the queue's filters offer a viewer: the agencies of the scope; for an agency's team only
   * the regions its civil servants serve in (and their provinces), for central reviewers every
   * region; all elections.
   */
  async filterChoices(scope: ItemScope): Promise<{
    agencies: { id: number; code: string; name: string }[];
    regions: { code: string; name: string }[];
    elections: { code: string; name: string }[];
  }> {
    const agencies = this.db.selectFrom('agencies').select(['id', 'code', 'name']).orderBy('code');
    let regions = this.db.selectFrom('regions as r').select(['r.code', 'r.name']).orderBy('r.code');
    if (scope.kind === 'agency') {
      const served = this.db.selectFrom('civil_servants as cs').select('cs.region_code').distinct().where('cs.agency_id', '=', scope.agencyId);
      regions = regions.where((eb) =>
        eb.or([eb('r.code', 'in', served), eb('r.code', 'in', this.db.selectFrom(served.as('s')).select(sql<string>`split_part(s.region_code, '.', 1)`.as('code')))]),
      );
    }
    const [agencyRows, regionRows, elections] = await Promise.all([
      (scope.kind === 'all' ? agencies : agencies.where('id', '=', scope.agencyId)).execute(),
      regions.execute(),
      listElections(this.db),
    ]);
    return { agencies: agencyRows, regions: regionRows, elections };
  }

  /** `review_items AS ri` within the scope and the filters, on the item's own columns only. */
  private items(scope: ItemScope, filter: QueueItemFilter): Items {
    let query: Items = visibleItems(this.db, scope);
    if (filter.agencyId !== undefined) query = query.where('ri.agency_id', '=', filter.agencyId);
    if (filter.region) query = query.where(inRegion('ri.region_code', filter.region));
    if (filter.code) query = query.where(sql<boolean>`ri.codes @> ARRAY[${filter.code}]::text[]`);
    if (filter.election) query = query.where(sql<boolean>`ri.election_codes @> ARRAY[${filter.election}]::text[]`);
    if (filter.platform) query = query.where('ri.platform', '=', filter.platform);
    if (filter.from) query = query.where('ri.opened_at', '>=', filter.from);
    if (filter.to) query = query.where('ri.opened_at', '<', filter.to);
    return query;
  }
}

/**
 * Stored statuses that can show as the wanted ones: a claim whose lease ran out shows as open
 * or escalated again.
 */
function storedStatusesFor(wanted: readonly ReviewStatus[]): ReviewStatus[] {
  const stored = new Set(wanted);
  if (stored.has('open') || stored.has('escalated')) stored.add('claimed');
  return [...stored];
}

/**
 * A region and everything under it: region codes are stored COLLATE "C" and their parts are
 * dot-separated digits, so '35', '35.73' and '35.73.01' all lie in ['35', '35/').
 */
function inRegion(column: 'q.region_code' | 'ri.region_code', region: string) {
  return sql<boolean>`(${sql.ref(column)} >= ${region} AND ${sql.ref(column)} < ${`${region}/`})`;
}
