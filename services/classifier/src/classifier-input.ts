import type { ClassifierInput, KnownImageMatch } from '@netra/classifier';
import type { EngagementSubject, PostSubject } from '@netra/db';

const wordsOf = (text: string) => new Set(text.toLowerCase().match(/\p{L}{3,}/gu) ?? []);

/** The campaign images a post's images copy, with how many words both images show. */
function knownImagesOf(subject: PostSubject): KnownImageMatch[] {
  return subject.knownImages.map(({ knownText, ...match }) => {
    const known = wordsOf(knownText);
    const sharedWords = [...wordsOf(subject.mediaTexts[match.mediaIndex] ?? '')].filter((word) => known.has(word)).length;
    return { ...match, sharedWords };
  });
}

/** The one place that maps what the database holds onto what the classifier reads. */
export function toClassifierInput(subject: PostSubject | EngagementSubject, spouseCandidateLabel: string | null): ClassifierInput {
  const owner = { regionCode: subject.regionCode, ...(spouseCandidateLabel ? { spouseCandidateLabel } : {}) };
  if (subject.kind === 'post') {
    // Left out while a post has no image read, so a text-only post's input (and its hash) is as before.
    const knownImages = knownImagesOf(subject);
    const media = subject.mediaTexts.length > 0 ? { mediaTexts: subject.mediaTexts, ...(knownImages.length > 0 ? { knownImages } : {}) } : {};
    if (subject.replyTo) {
      return {
        ...owner,
        kind: 'comment',
        text: subject.text,
        ...media,
        targetText: subject.replyTo.text,
        targetAuthorIsCandidate: subject.replyTo.authorIsCandidate,
        postedAt: subject.postedAt.toISOString(),
      };
    }
    return { ...owner, kind: subject.postKind, text: subject.text, ...media, postedAt: subject.postedAt.toISOString() };
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
