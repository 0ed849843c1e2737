import { severityRank, type Severity } from './domain.js';

/**
 * Where a flag stands in the queue. One number, so the queue can walk a single index, made of
 * parts a reviewer can read on the item page ("why is this first?"):
 *
 * - the suggested severity, in whole points (berat 3, sedang 2, ringan 1): a heavier suggested
 *   sanction comes first however sure the lighter one is, unless the lighter one is also widely
 *   seen and by someone with a record (the other parts add at most 3 together);
 * - the classifier's score (0–1): within a severity, the clearer case first;
 * - reach (0–1): the post's likes, shares and replies on a log scale, 10,000 or more = 1, since a
 *   campaign message seen by thousands does more harm than one seen by three;
 * - repeat (0–1): this civil servant's earlier confirmed cases (0.5 each) and other flags still
 *   waiting (0.1 each, at most 0.3).
 *
 * Age is not a part: it would change the number every minute. Among equal priorities the older
 * item comes first, and the queue shows how long the oldest has waited.
 */
export interface PriorityFactors {
  score: number;
  severity: Severity | null;
  /** Likes + shares + replies when last seen; null when the platform gave none (a like has no audience we can see). */
  reach: number | null;
  /** The civil servant's other items confirmed (or awaiting approval) before this one. */
  confirmedCases: number;
  /** The civil servant's other items still waiting for a decision. */
  otherWaiting: number;
}

export const priorityParts = ['severity', 'score', 'reach', 'repeat'] as const;
export type PriorityPart = (typeof priorityParts)[number];

export interface ReviewPriority {
  value: number;
  /** Each part's points, rounded to hundredths as shown; `value` is their sum. */
  parts: Record<PriorityPart, number>;
}

const FULL_REACH = 10_000;

export function reviewPriority(factors: PriorityFactors): ReviewPriority {
  const parts: Record<PriorityPart, number> = {
    severity: factors.severity ? severityRank[factors.severity] : 0,
    score: round(clamp(factors.score)),
    reach: factors.reach === null ? 0 : round(clamp(Math.log10(1 + Math.max(0, factors.reach)) / Math.log10(1 + FULL_REACH))),
    repeat: round(clamp(0.5 * factors.confirmedCases + Math.min(0.3, 0.1 * factors.otherWaiting))),
  };
  return { value: round(priorityParts.reduce((sum, part) => sum + parts[part], 0)), parts };
}

const clamp = (x: number) => Math.min(1, Math.max(0, x));
const round = (x: number) => Math.round(x * 100) / 100;
