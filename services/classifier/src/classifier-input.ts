import type { ClassifierInput } from '@netra/classifier';
import type { EngagementSubject, PostSubject } from '@netra/db';

/** The one place that maps what the database holds onto what the classifier reads. */
export function toClassifierInput(subject: PostSubject | EngagementSubject, spouseCandidateLabel: string | null): ClassifierInput {
  const owner = { regionCode: subject.regionCode, ...(spouseCandidateLabel ? { spouseCandidateLabel } : {}) };
  if (subject.kind === 'post') {
    if (subject.replyTo) {
      return {
        ...owner,
        kind: 'comment',
        text: subject.text,
        targetText: subject.replyTo.text,
        targetAuthorIsCandidate: subject.replyTo.authorIsCandidate,
        postedAt: subject.postedAt.toISOString(),
      };
    }
    return { ...owner, kind: subject.postKind, text: subject.text, postedAt: subject.postedAt.toISOString() };
  }
  return {
    ...owner,
    kind: subject.engagementKind,
    text: '',
    targetText: subject.target.text,
    targetAuthorIsCandidate: subject.target.authorIsCandidate,
    postedAt: subject.target.postedAt.toISOString(),
  };
}
