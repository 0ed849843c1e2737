import { describe, expect, it } from 'vitest';
import { nextCheckAt, nextPollInterval } from '../src/index.js';

describe('nextPollInterval', () => {
  it('halves after new posts and stretches by half after none, within a quarter and four times the default', () => {
    expect(nextPollInterval(null, { newPosts: 3, flagged: false }, 900)).toBe(450);
    expect(nextPollInterval(null, { newPosts: 0, flagged: false }, 900)).toBe(1350);
    expect(nextPollInterval(240, { newPosts: 5, flagged: false }, 900)).toBe(225);
    expect(nextPollInterval(3600, { newPosts: 0, flagged: false }, 900)).toBe(3600);
  });

  it('polls an account with a flag at least twice as often as the default', () => {
    expect(nextPollInterval(900, { newPosts: 0, flagged: true }, 900)).toBe(450);
  });
});

describe('nextCheckAt', () => {
  const now = new Date('2024-11-01T12:00:00Z');
  const ago = (minutes: number) => new Date(now.getTime() - minutes * 60_000);
  const inMinutes = (at: Date | null) => (at === null ? null : (at.getTime() - now.getTime()) / 60_000);

  it("checks a candidate's post densely while young, sparsely later, then not at all", () => {
    expect(inMinutes(nextCheckAt('engagement', ago(30), now))).toBe(15);
    expect(inMinutes(nextCheckAt('engagement', ago(12 * 60), now))).toBe(60);
    expect(inMinutes(nextCheckAt('engagement', ago(2 * 24 * 60), now))).toBe(240);
    expect(inMinutes(nextCheckAt('engagement', ago(30 * 24 * 60), now))).toBeNull();
  });

  it('keeps checking a flagged post for deletion for longer', () => {
    expect(inMinutes(nextCheckAt('flagged', ago(30 * 24 * 60), now))).toBe(24 * 60);
    expect(inMinutes(nextCheckAt('flagged', ago(90 * 24 * 60), now))).toBeNull();
  });
});
