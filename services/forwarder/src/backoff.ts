/**
 * Exponential backoff with "equal jitter": the wait doubles with each failed attempt (capped),
 * and a random half of it is spread out so a recovering agency is not hit by every retry at once.
 */
export function retryDelayMs(failedAttempts: number, baseMs: number, maxMs: number, random: () => number = Math.random): number {
  const exponential = Math.min(maxMs, baseMs * 2 ** Math.max(0, failedAttempts - 1));
  return Math.round(exponential / 2 + random() * (exponential / 2));
}
