import { canonicalJson, sha256Hex, type Logger, type Severity } from '@netra/core';
import type { Classifier } from '@netra/classifier';
import type { ClassificationRepository, Db, EngagementSubject, PostSubject, ReviewItemRepository, SubjectRepository } from '@netra/db';
import type { JobPayload } from '@netra/queue';
import { toClassifierInput } from './classifier-input.js';

export interface ClassifyDeps {
  db: Db;
  classifier: Classifier;
  /** Candidate labels by id, to name a spouse-candidate exception. */
  candidateLabels: ReadonlyMap<number, string>;
  subjects: SubjectRepository;
  classifications: ClassificationRepository;
  reviewItems: ReviewItemRepository;
  logger: Logger;
}

/** Heavier suggested sanctions come first in the queue, then higher scores. */
const severityWeight: Record<Severity, number> = { berat: 0.2, sedang: 0.1, ringan: 0 };

/**
 * Scores one subject, stores the classification (once per input and classifier version) and,
 * when flagged, opens its review item or points the open item at the newer classification.
 * Nothing here decides a case: it only puts the flag, with its evidence, in front of a person.
 */
async function classifySubject(deps: ClassifyDeps, subject: PostSubject | EngagementSubject): Promise<void> {
  const spouse = subject.spouseCandidateId === null ? null : (deps.candidateLabels.get(subject.spouseCandidateId) ?? null);
  const input = toClassifierInput(subject, spouse);
  const result = deps.classifier.classify(input);
  const subjectRef = subject.kind === 'post' ? { postId: subject.postId } : { engagementId: subject.engagementId };
  // One transaction: a job lost between the classification and its review item would otherwise
  // leave a flag nobody sees, and the subject would count as classified, never retried.
  const opened = await deps.db.transaction().execute(async (trx) => {
    const stored = await deps.classifications.store(
      {
        subject: subjectRef,
        classifierVersion: deps.classifier.version,
        inputSha256: sha256Hex(canonicalJson(input)),
        flagged: result.flagged,
        score: result.score,
        codes: result.codes,
        severity: result.severity,
        // The model's reading (its probability and the words that weighed most) sits beside the rules' evidence.
        evidence: { items: result.evidence, exception: result.exception ?? null, input_kind: input.kind, model: result.model ?? null },
      },
      trx,
    );
    if (!result.flagged) return null;
    return deps.reviewItems.openOrUpdate(
      {
        subject: subjectRef,
        civilServantId: subject.civilServantId,
        agencyId: subject.agencyId,
        classificationId: stored.id,
        priority: result.score + (result.severity ? severityWeight[result.severity] : 0),
      },
      trx,
    );
  });
  if (opened?.created) deps.logger.info({ itemId: opened.itemId, codes: result.codes, score: result.score }, 'review item opened');
}

export function classifyPostHandler(deps: ClassifyDeps) {
  return async ({ postId }: JobPayload<'classify-post'>): Promise<void> => {
    const subject = await deps.subjects.post(postId);
    if (subject) await classifySubject(deps, subject);
  };
}

export function classifyEngagementHandler(deps: ClassifyDeps) {
  return async ({ engagementId }: JobPayload<'classify-engagement'>): Promise<void> => {
    const subject = await deps.subjects.engagement(engagementId);
    if (subject) await classifySubject(deps, subject);
  };
}
