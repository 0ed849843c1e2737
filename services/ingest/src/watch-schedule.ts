import type { WatchReason } from '@netra/db';

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

/**
 * How often a watched post is re-checked, by its age. Likes carry no time on most platforms, so a
 * candidate's post is looked at densely while young, when most engagement arrives, and sparsely
 * later; a flagged civil servant's post is checked for deletion longer, since a deleted partisan
 * post is the evidence that matters most. Past the last step, the post is no longer checked.
 */
const schedules: Record<WatchReason, readonly { untilAge: number; every: number }[]> = {
  engagement: [
    { untilAge: 6 * hour, every: 15 * minute },
    { untilAge: day, every: hour },
    { untilAge: 3 * day, every: 4 * hour },
    { untilAge: 14 * day, every: day },
  ],
  flagged: [
    { untilAge: 2 * day, every: hour },
    { untilAge: 14 * day, every: 6 * hour },
    { untilAge: 60 * day, every: day },
  ],
};

export function nextCheckAt(reason: WatchReason, postedAt: Date, now: Date = new Date()): Date | null {
  const age = now.getTime() - postedAt.getTime();
  const step = schedules[reason].find((s) => age < s.untilAge);
  return step ? new Date(now.getTime() + step.every) : null;
}
