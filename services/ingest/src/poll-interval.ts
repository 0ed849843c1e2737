/**
 * The adaptive poll interval: halved after a poll that found new posts, stretched by half after
 * one that found none, never more than a quarter or four times the default. An account with
 * anything flagged is polled at least twice as often as the default: its next post, and whether
 * it deletes the flagged one, matter most.
 */
export function nextPollInterval(previous: number | null, observed: { newPosts: number; flagged: boolean }, defaultSeconds: number): number {
  const current = previous ?? defaultSeconds;
  const adapted = observed.newPosts > 0 ? current / 2 : current * 1.5;
  const capped = observed.flagged ? Math.min(adapted, defaultSeconds / 2) : adapted;
  return Math.round(Math.min(defaultSeconds * 4, Math.max(defaultSeconds / 4, capped)));
}
