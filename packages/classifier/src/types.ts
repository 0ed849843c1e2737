import type { Severity, ViolationCode } from '@netra/core';

export type { Severity, ViolationCode };

/** What the ASN did: wrote a post (or repost/reply), or engaged with someone else's post. */
export type InputKind = 'post' | 'repost' | 'reply' | 'like' | 'share' | 'comment';

export interface ClassifierInput {
  id?: string;
  /** The ASN's own words (empty for a like). */
  text: string;
  kind: InputKind;
  /** The post that was liked, shared or commented on. */
  targetText?: string;
  targetAuthorIsCandidate?: boolean;
  /** Kemendagri code of where the ASN serves ('31', '35.73'): picks the Pilkada a number means. */
  regionCode?: string | null;
  /** The words read in each attached image (OCR), in order: evidence from them names the image. */
  mediaTexts?: string[];
  /** Attached images that match one a candidate's or party's official account posted. */
  knownImages?: KnownImageMatch[];
  /** The ASN is married to this candidate (label as in the directory): the allowed exception. */
  spouseCandidateLabel?: string;
  spouseCandidateId?: number;
  /** ISO date-time: picks the election a ballot number points to. */
  postedAt?: string;
}

/** An attached image found close (perceptual hash) to a campaign's own image. */
export interface KnownImageMatch {
  /** Which attached image (0-based, as in mediaTexts). */
  mediaIndex: number;
  /** The candidate (directory id) whose official account posted the known image. */
  candidateId: number;
  /** Where the campaign posted it, and the file's SHA-256 (shown beside the ASN's copy). */
  postUrl: string | null;
  knownSha256?: string;
  /** Hamming distance of the two 64-bit hashes. */
  distance: number;
  /** Words (3+ letters) read in both images. */
  sharedWords: number;
}

/** Which text a span points into: the ASN's words, the post they engaged with, or an image's words. */
export type EvidenceSource = 'text' | 'target' | 'media';

/** Inside the classifier, which text exactly: 'media:0' is the words read in the first image. */
export type TextRef = 'text' | 'target' | `media:${number}`;

export interface CandidateRefSummary {
  label: string;
  ballotNumber: number | null;
  electionCode: string;
}

export interface Evidence {
  code: ViolationCode;
  rule: string;
  severity: Severity;
  /** This item's contribution to the code's score (0..1), after damping. */
  weight: number;
  /** The words as written in the source text. */
  matchedText: string;
  /** UTF-16 offsets into the original `text` or `targetText` (see `source`). */
  span?: { start: number; end: number };
  source: EvidenceSource;
  /** With source 'media': which image (0-based, in the input's order) the words were read in. */
  mediaIndex?: number;
  symbol?: string;
  candidate?: CandidateRefSummary;
  /** For a copy of a campaign's own image: the original, where it was posted, and how close. */
  knownImage?: { sha256: string | null; postUrl: string | null; distance: number };
  note?: string;
}

/** What the learned model read in the input, shown beside the rules' evidence. */
export interface ModelSummary {
  version: string;
  /** The model's own probability that the text is partisan, before calibration with the rules. */
  probability: number;
  /** The strongest rule score, the other input of the calibrated score. */
  ruleScore: number;
  towardsPartisan: Array<{ feature: string; text: string; weight: number }>;
  /** Why a confident model did not flag on its own. */
  note?: string;
}

export interface ClassificationResult {
  id?: string;
  flagged: boolean;
  score: number;
  codes: ViolationCode[];
  severity: Severity | null;
  evidence: Evidence[];
  /** Set when an allowed exception (spouse of a candidate) shaped the result. */
  exception?: string;
  /** Present when the classifier has a learned model. */
  model?: ModelSummary;
}

export interface Classifier {
  readonly version: string;
  classify(input: ClassifierInput): ClassificationResult;
}
