import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../schema.js';
import { effectiveStatus, visibleItems, type ItemScope } from './review-queue.js';

/**
 * Every read of one review case, for the item page, its API and the frozen case report: the
 * item with its classification, civil servant and agency; the posts, their author, report and
 * history; the person's other items; the images the case may show. Each read goes through the
 * viewer's scope where it starts from an item, so an unseen item reads as absent.
 */
export class ReviewCaseRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** The item with what the page and report show of it, if the scope covers it. */
  async item(scope: ItemScope, itemId: string) {
    return visibleItems(this.db, scope)
      .innerJoin('classifications as c', 'c.id', 'ri.classification_id')
      .innerJoin('civil_servants as cs', 'cs.id', 'ri.civil_servant_id')
      .innerJoin('agencies as a', 'a.id', 'ri.agency_id')
      .innerJoin('regions as r', 'r.code', 'cs.region_code')
      .leftJoin('candidates as spouse', 'spouse.id', 'cs.spouse_candidate_id')
      .leftJoin('elections as spouse_election', 'spouse_election.id', 'spouse.election_id')
      .leftJoin('engagements as e', 'e.id', 'ri.engagement_id')
      .leftJoin('users as claimer', 'claimer.id', 'ri.claimed_by')
      .select([
        'ri.id',
        effectiveStatus.as('status'),
        'ri.priority',
        'ri.priority_parts',
        'ri.opened_at',
        'ri.post_id',
        'ri.status as stored_status',
        'ri.claimed_by',
        'ri.claim_expires_at',
        'ri.escalated',
        'ri.confirmed_by',
        'ri.last_event_seq',
        'claimer.display_name as claimer_name',
        'c.id as classification_id',
        'c.classifier_version',
        'c.score',
        'c.codes',
        'c.severity',
        'c.evidence',
        'c.created_at as classified_at',
        'cs.id as civil_servant_id',
        'cs.full_name',
        'cs.nip',
        'cs.position',
        'a.id as agency_id',
        'a.code as agency_code',
        'a.name as agency_name',
        'a.requires_four_eyes',
        'r.code as region_code',
        'r.name as region_name',
        'spouse.id as spouse_id',
        'spouse.label as spouse_label',
        'spouse_election.name as spouse_election',
        'e.kind as engagement_kind',
        'e.target_post_id',
        'e.evidence_post_id',
        'e.first_seen_at',
        'e.last_seen_at',
      ])
      .where('ri.id', '=', itemId)

      .where('ri.id', '=', itemId)
      .executeTakeFirst();
  }

  /** The civil servant's other items within the same scope, newest first. */
  async otherItemsOf(scope: ItemScope, civilServantId: number, exceptItemId: string) {
    return visibleItems(this.db, scope)
      .innerJoin('classifications as c', 'c.id', 'ri.classification_id')
      .select(['ri.id', effectiveStatus.as('status'), 'ri.opened_at', 'c.codes'])
      .where('ri.civil_servant_id', '=', civilServantId)
      .where('ri.id', '<>', exceptItemId)
      .orderBy('ri.opened_at', 'desc')
      .limit(50)
      .execute();
  }

  /** Who wrote a post: its handle, and the candidate or party when it is their registered account. */
  async authorOf(postId: string): Promise<{ handle: string; candidate: string | null }> {
    const row = await this.db
      .selectFrom('posts as p')
      .leftJoin('social_accounts as sa', 'sa.id', 'p.account_id')
      .leftJoin('candidates as cand', 'cand.id', 'sa.candidate_id')
      .select(['p.author_handle', 'cand.label'])
      .where('p.id', '=', postId)
      .executeTakeFirstOrThrow();
    return { handle: row.author_handle, candidate: row.label };
  }

  async elections(codes: readonly string[]): Promise<{ code: string; name: string }[]> {
    if (codes.length === 0) return [];
    return this.db.selectFrom('elections').select(['code', 'name']).where('code', 'in', [...codes]).orderBy('code').execute();
  }

  async posts(postIds: readonly string[]) {
    if (postIds.length === 0) return [];
    return this.db.selectFrom('posts').selectAll().where('id', 'in', [...postIds]).execute();
  }

  /** The report a post came in as, if it did. */
  async reportOf(postId: string) {
    return this.db.selectFrom('reports as r').innerJoin('posts as p', 'p.report_id', 'r.id').selectAll('r').where('p.id', '=', postId).executeTakeFirst();
  }

  /** The item's log, oldest first, with each actor's name. */
  async history(itemId: string) {
    return this.db
      .selectFrom('review_events as ev')
      .leftJoin('users as u', 'u.id', 'ev.actor_user_id')
      .select(['ev.seq', 'ev.type', 'ev.actor_user_id', 'u.display_name', 'ev.created_at', 'ev.payload', 'ev.hash'])
      .where('ev.review_item_id', '=', itemId)
      .orderBy('ev.seq')
      .execute();
  }

  /**
   * The format of an image the item may show, or undefined: a file one of the item's own posts
   * shows (the ASN's post, the reply, the post engaged with), or the campaign's own image its
   * evidence says the ASN's copies (public campaign material, shown beside the copy) — so a hash
   * seen elsewhere opens nothing.
   */
  async imageFormat(scope: ItemScope, itemId: string, sha256: string): Promise<string | undefined> {
    const own = await visibleItems(this.db, scope)
      .leftJoin('engagements as e', 'e.id', 'ri.engagement_id')
      .innerJoin('post_media as pm', (join) =>
        join.on((eb) => eb.or([eb('pm.post_id', '=', eb.ref('ri.post_id')), eb('pm.post_id', '=', eb.ref('e.target_post_id')), eb('pm.post_id', '=', eb.ref('e.evidence_post_id'))])),
      )
      .innerJoin('media_objects as m', 'm.sha256', 'pm.media_sha256')
      .select('m.format')
      .where('ri.id', '=', itemId)
      .where('pm.media_sha256', '=', sha256)
      .limit(1)
      .executeTakeFirst();
    if (own) return own.format;
    const original = await visibleItems(this.db, scope)
      .innerJoin('classifications as c', 'c.id', 'ri.classification_id')
      .innerJoin('media_objects as m', (join) => join.on('m.sha256', '=', sha256))
      .select('m.format')
      .where('ri.id', '=', itemId)
      .where(sql<boolean>`jsonb_path_exists(c.evidence, '$.items[*].knownImage.sha256 ? (@ == $sha)', jsonb_build_object('sha', ${sha256}::text))`)
      .where(({ exists, selectFrom }) =>
        exists(
          selectFrom('post_media as pm')
            .innerJoin('posts as p', 'p.id', 'pm.post_id')
            .innerJoin('social_accounts as a', 'a.id', 'p.account_id')
            .select('pm.post_id')
            .where('pm.media_sha256', '=', sha256)
            .where('a.candidate_id', 'is not', null),
        ),
      )
      .executeTakeFirst();
    return original?.format;
  }
}

/**
 * The reads of a decision, inside its transaction: the item locked through the caller's scope
 * (so an unseen item is absent and two requests on one item queue up), the confirm an approval
 * completes, and the people a case report names.
 */
export class ReviewDecisionReads {
  constructor(private readonly trx: Transaction<Database>) {}

  async lockItem(scope: ItemScope, itemId: string) {
    return visibleItems(this.trx, scope)
      .innerJoin('agencies as a', 'a.id', 'ri.agency_id')
      .select([
        'ri.id',
        'ri.agency_id',
        'ri.status',
        'ri.claimed_by',
        'ri.claim_expires_at',
        'ri.escalated',
        'ri.confirmed_by',
        'ri.last_event_seq',
        'ri.classification_id',
        'a.requires_four_eyes',
      ])
      .where('ri.id', '=', itemId)
      .forUpdate(['ri'])
      .executeTakeFirst();
  }

  async lastConfirm(itemId: string) {
    return this.trx
      .selectFrom('review_events')
      .selectAll()
      .where('review_item_id', '=', itemId)
      .where('type', '=', 'confirmed')
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
  }

  async people(userIds: readonly number[]) {
    return this.trx.selectFrom('users').select(['id', 'display_name', 'email', 'role']).where('id', 'in', [...userIds]).execute();
  }
}
