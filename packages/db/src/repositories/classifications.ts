import type { Transaction } from 'kysely';
import type { Severity } from '@netra/core';
import type { Db } from '../connection.js';
import type { Database } from '../schema.js';

export interface ClassificationToStore {
  subject: { postId: string } | { engagementId: string };
  classifierVersion: string;
  inputSha256: string;
  flagged: boolean;
  score: number;
  codes: string[];
  severity: Severity | null;
  evidence: unknown;
}

/** Classifier outputs. Append-only: the same input under the same version is stored once. */
export class ClassificationRepository {
  constructor(private readonly db: Db) {}

  /** Stores once per input and version; inside `trx` when given (with the review item it opens). */
  async store(c: ClassificationToStore, trx?: Transaction<Database>): Promise<{ id: string; created: boolean }> {
    const db = trx ?? this.db;
    const subject =
      'postId' in c.subject ? { post_id: c.subject.postId, engagement_id: null } : { post_id: null, engagement_id: c.subject.engagementId };
    const inserted = await db
      .insertInto('classifications')
      .values({
        ...subject,
        classifier_version: c.classifierVersion,
        input_sha256: c.inputSha256,
        flagged: c.flagged,
        score: c.score,
        codes: c.codes,
        severity: c.severity,
        evidence: JSON.stringify(c.evidence),
      })
      .onConflict((oc) => oc.columns(['post_id', 'engagement_id', 'classifier_version', 'input_sha256']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (inserted) return { id: inserted.id, created: true };
    const existing = await db
      .selectFrom('classifications')
      .select('id')
      .where('post_id', 'is not distinct from', subject.post_id)
      .where('engagement_id', 'is not distinct from', subject.engagement_id)
      .where('classifier_version', '=', c.classifierVersion)
      .where('input_sha256', '=', c.inputSha256)
      .executeTakeFirstOrThrow();
    return { id: existing.id, created: false };
  }
}
