import type { Db } from '../connection.js';

/** A person's standing verdict on a review item: the last confirm or dismiss, unless reopened since. */
export interface ReviewDecision {
  reviewItemId: string;
  postId: string | null;
  engagementId: string | null;
  decision: 'confirmed' | 'dismissed';
  /** The confirmed code, or the dismissal reason, from the event's payload. */
  code: string | null;
  reason: string | null;
  decidedAt: Date;
}

/**
 * Reviewers' decisions as labelled data for retraining the classifier (read-only: the review
 * history itself is never touched). Only human decisions count; a reopened item has none.
 */
export class ReviewDecisionRepository {
  constructor(private readonly db: Db) {}

  async latestDecisions(): Promise<ReviewDecision[]> {
    const rows = await this.db
      .selectFrom('review_events as e')
      .innerJoin('review_items as item', 'item.id', 'e.review_item_id')
      .distinctOn('e.review_item_id')
      .select(['e.review_item_id', 'e.type', 'e.payload', 'e.created_at', 'item.post_id', 'item.engagement_id'])
      .where('e.type', 'in', ['confirmed', 'dismissed', 'reopened'])
      .where('e.actor_user_id', 'is not', null)
      .orderBy('e.review_item_id')
      .orderBy('e.seq', 'desc')
      .execute();
    return rows.flatMap((row) => {
      if (row.type !== 'confirmed' && row.type !== 'dismissed') return [];
      const payload = (row.payload ?? {}) as Record<string, unknown>;
      return [
        {
          reviewItemId: String(row.review_item_id),
          postId: row.post_id === null ? null : String(row.post_id),
          engagementId: row.engagement_id === null ? null : String(row.engagement_id),
          decision: row.type,
          code: typeof payload['code'] === 'string' ? payload['code'] : null,
          reason: typeof payload['reason'] === 'string' ? payload['reason'] : null,
          decidedAt: row.created_at,
        },
      ];
    });
  }
}
