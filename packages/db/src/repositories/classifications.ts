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

const subjectColumns = (c: ClassificationToStore) =>
  'postId' in c.subject ? { post_id: c.subject.postId, engagement_id: null } : { post_id: null, engagement_id: c.subject.engagementId };

/** The natural key of a classification, as one string. */
const keyOf = (row: { post_id: string | null; engagement_id: string | null; classifier_version: string; input_sha256: string }) =>
  `${row.post_id ?? ''}|${row.engagement_id ?? ''}|${row.classifier_version}|${row.input_sha256}`;

/** Classifier outputs. Append-only: the same input under the same version is stored once. */
export class ClassificationRepository {
  constructor(private readonly db: Db) {}

  /** Stores once per input and version; inside `trx` when given (with the review item it opens). */
  async store(c: ClassificationToStore, trx?: Transaction<Database>): Promise<{ id: string; created: boolean }> {
    return (await this.storeMany([c], trx))[0]!;
  }

  /**
   * Stores many in one INSERT (those already stored are looked up in one more query); returns
   * their ids in the order given. Rows go in key order, so two batches that share subjects take
   * their locks in the same order and never deadlock.
   */
  async storeMany(cs: readonly ClassificationToStore[], trx?: Transaction<Database>): Promise<{ id: string; created: boolean }[]> {
    if (cs.length === 0) return [];
    const db = trx ?? this.db;
    const rows = cs.map((c) => ({
      ...subjectColumns(c),
      classifier_version: c.classifierVersion,
      input_sha256: c.inputSha256,
      flagged: c.flagged,
      score: c.score,
      codes: c.codes,
      severity: c.severity,
      evidence: JSON.stringify(c.evidence),
    }));
    const unique = [...new Map(rows.map((row) => [keyOf(row), row])).values()].sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : 1));
    const inserted = await db
      .insertInto('classifications')
      .values(unique)
      .onConflict((oc) => oc.columns(['post_id', 'engagement_id', 'classifier_version', 'input_sha256']).doNothing())
      .returning(['id', 'post_id', 'engagement_id', 'classifier_version', 'input_sha256'])
      .execute();
    const ids = new Map(inserted.map((row) => [keyOf(row), { id: row.id, created: true }]));
    const missing = unique.filter((row) => !ids.has(keyOf(row)));
    if (missing.length > 0) {
      const postIds = missing.flatMap((row) => (row.post_id === null ? [] : [row.post_id]));
      const engagementIds = missing.flatMap((row) => (row.engagement_id === null ? [] : [row.engagement_id]));
      const existing = await db
        .selectFrom('classifications')
        .select(['id', 'post_id', 'engagement_id', 'classifier_version', 'input_sha256'])
        .where((eb) =>
          eb.or([
            ...(postIds.length > 0 ? [eb('post_id', 'in', postIds)] : []),
            ...(engagementIds.length > 0 ? [eb('engagement_id', 'in', engagementIds)] : []),
          ]),
        )
        .where('classifier_version', 'in', [...new Set(missing.map((row) => row.classifier_version))])
        .where('input_sha256', 'in', missing.map((row) => row.input_sha256))
        .execute();
      for (const row of existing) ids.set(keyOf(row), { id: row.id, created: false });
    }
    return rows.map((row) => ids.get(keyOf(row))!);
  }
}
