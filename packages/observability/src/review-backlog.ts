import { reviewOldestUndecidedAge, reviewUndecided } from './metrics.js';

/** One agency's backlog as the backlog report gives it. */
export interface AgencyBacklog {
  agency: string;
  undecided: number;
  oldestAgeSeconds: number;
}

/** Replaces the review backlog gauges: an agency that has caught up disappears from them. */
export function recordReviewBacklog(backlog: readonly AgencyBacklog[]): void {
  reviewUndecided.reset();
  reviewOldestUndecidedAge.reset();
  for (const { agency, undecided, oldestAgeSeconds } of backlog) {
    reviewUndecided.set({ agency }, undecided);
    reviewOldestUndecidedAge.set({ agency }, oldestAgeSeconds);
  }
}
