import { canonicalJson, reviewPriority, sha256Hex, type Logger } from '@netra/core';
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

type Subject = PostSubject | EngagementSubject;

const subjectRef = (subject: Subject) => (subject.kind === 'post' ? { postId: subject.postId } : { engagementId: subject.engagementId });
/** Posts before engagements, each by id: the order review items are locked in, the same in every batch. */
const lockOrder = (a: Subject, b: Subject) => {
  const key = (s: Subject) => (s.kind === 'post' ? [0, BigInt(s.postId)] : [1, BigInt(s.engagementId)]) as [number, bigint];
  const [ka, kb] = [key(a), key(b)];
  return ka[0] - kb[0] || (ka[1] < kb[1] ? -1 : ka[1] > kb[1] ? 1 : 0);
};

/**
 * Scores subjects, stores their classifications (once per input and classifier version) and,
 * for the flagged ones, opens their review items or points open items at the newer
 * classification — all in one transaction: a job lost between a classification and its review
 * item would leave a flag nobody sees, and the subject would count as classified, never retried.
 * Nothing here decides a case: it only puts the flag, with its evidence, in front of a person.
 */
async function classifySubjects(deps: ClassifyDeps, subjects: readonly Subject[]): Promise<void> {
  if (subjects.length === 0) return;
  const scored = [...subjects].sort(lockOrder).map((subject) => {
    const spouse = subject.spouseCandidateId === null ? null : (deps.candidateLabels.get(subject.spouseCandidateId) ?? null);
    const input = toClassifierInput(subject, spouse);
    return { subject, input, result: deps.classifier.classify(input) };
  });
  const opened = await deps.db.transaction().execute(async (trx) => {
    const stored = await deps.classifications.storeMany(
      scored.map(({ subject, input, result }) => ({
        subject: subjectRef(subject),
        classifierVersion: deps.classifier.version,
        inputSha256: sha256Hex(canonicalJson(input)),
        flagged: result.flagged,
        score: result.score,
        codes: result.codes,
        severity: result.severity,
        // The model's reading (its probability and the words that weighed most) sits beside the rules' evidence.
        evidence: { items: result.evidence, exception: result.exception ?? null, input_kind: input.kind, model: result.model ?? null },
      })),
      trx,
    );
    // A report is a person's request for review: it is queued whatever the classifier makes of it.
    const queued = [...scored.entries()].filter(([, { subject, result }]) => result.flagged || (subject.kind === 'post' && subject.fromReport));
    const records = await deps.reviewItems.recordsOf(
      queued.map(([, { subject }]) => ({ civilServantId: subject.civilServantId, subject: subjectRef(subject) })),
      trx,
    );
    const items = [];
    for (const [n, [i, { subject, result }]] of queued.entries()) {
      const priority = reviewPriority({
        score: result.score,
        severity: result.severity,
        reach: subject.kind === 'post' ? subject.reach : null,
        ...records[n]!,
      });
      const item = await deps.reviewItems.openOrUpdate(
        {
          subject: subjectRef(subject),
          civilServantId: subject.civilServantId,
          agencyId: subject.agencyId,
          classificationId: stored[i]!.id,
          priority: priority.value,
          priorityParts: priority.parts,
        },
        trx,
      );
      items.push({ ...item, codes: result.codes, score: result.score });
    }
    return items;
  });
  for (const item of opened) if (item.created) deps.logger.info({ itemId: item.itemId, codes: item.codes, score: item.score }, 'review item opened');
}

export function classifyPostHandler(deps: ClassifyDeps) {
  return async ({ postId }: JobPayload<'classify-post'>): Promise<void> => {
    await classifySubjects(deps, await deps.subjects.posts([postId]));
  };
}

export function classifyEngagementHandler(deps: ClassifyDeps) {
  return async ({ engagementId }: JobPayload<'classify-engagement'>): Promise<void> => {
    await classifySubjects(deps, await deps.subjects.engagements([engagementId]));
  };
}

/** A batch: one read per kind of subject, one transaction for all of them. */
export function classifyBatchHandler(deps: ClassifyDeps) {
  return async ({ postIds, engagementIds }: JobPayload<'classify-batch'>): Promise<void> => {
    const [posts, engagements] = await Promise.all([deps.subjects.posts(postIds), deps.subjects.engagements(engagementIds)]);
    await classifySubjects(deps, [...posts, ...engagements]);
  };
}
