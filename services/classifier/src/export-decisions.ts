import { toInputRecord } from '@netra/classifier/input-line';
import { ReviewDecisionRepository, SubjectRepository, type Db } from '@netra/db';
import { toClassifierInput } from './classifier-input.js';

// Dismissals that say something about the content; 'duplicate', 'not this person's account' and
// 'other' do not, so they are not training data.
const contentReasons = new Set(['not_partisan', 'allowed_exception']);

/**
 * Reviewers' confirm / dismiss decisions as labelled JSONL records (the eval and retrain format):
 * the input rebuilt exactly as the worker builds it, 'expected_codes' the confirmed code, or []
 * for a content dismissal. A confirm names one code; other codes the post may show are unknown.
 */
export async function exportDecisions(db: Db): Promise<Record<string, unknown>[]> {
  const subjects = new SubjectRepository(db);
  const labels = new Map((await subjects.candidateDirectoryRows()).candidates.map((c) => [c.id, c.label]));
  const records: Record<string, unknown>[] = [];
  for (const decision of await new ReviewDecisionRepository(db).latestDecisions()) {
    if (decision.decision === 'dismissed' && !contentReasons.has(decision.reason ?? '')) continue;
    if (decision.decision === 'confirmed' && decision.code === null) continue;
    const subject = decision.postId !== null ? await subjects.post(decision.postId) : await subjects.engagement(decision.engagementId!);
    if (!subject) continue;
    const spouse = subject.spouseCandidateId === null ? null : (labels.get(subject.spouseCandidateId) ?? null);
    const input = toClassifierInput(subject, spouse);
    records.push({
      ...toInputRecord({ ...input, id: `review-${decision.reviewItemId}` }),
      expected_codes: decision.decision === 'confirmed' ? [decision.code] : [],
      source: 'review',
      decision: decision.decision === 'confirmed' ? 'confirmed' : `dismissed:${decision.reason}`,
      decided_at: decision.decidedAt.toISOString(),
    });
  }
  return records;
}
