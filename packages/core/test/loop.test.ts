import { expect, it } from 'vitest';
import { createLogger, startLoop } from '../src/index.js';

const logger = createLogger('loop-test', 'silent');

it('never runs two rounds at once, and does not queue rounds up behind a slow one', async () => {
  let running = 0;
  let overlapped = false;
  let rounds = 0;
  let release!: () => void;
  const slow = new Promise<void>((resolve) => (release = resolve));
  const loop = startLoop({
    name: 'test',
    intervalMs: 1,
    logger,
    round: async () => {
      running += 1;
      overlapped ||= running > 1;
      rounds += 1;
      if (rounds === 1) await slow;
      running -= 1;
      return rounds;
    },
  });
  // Many intervals pass while the first round is stuck: still one round so far.
  await new Promise((resolve) => setTimeout(resolve, 50));
  expect(rounds).toBe(1);
  release();
  // runNow waits for the round in flight, then runs one of its own.
  const result = await loop.runNow();
  expect(result).toBeGreaterThanOrEqual(2);
  await loop.close();
  const after = rounds;
  await new Promise((resolve) => setTimeout(resolve, 20));
  expect(rounds).toBe(after);
  expect(overlapped).toBe(false);
});

it('goes on after a failing round', async () => {
  let rounds = 0;
  const loop = startLoop({
    name: 'test',
    intervalMs: 1,
    logger,
    round: async () => {
      rounds += 1;
      if (rounds === 1) throw new Error('boom');
      return rounds;
    },
  });
  for (const deadline = Date.now() + 10_000; rounds < 3 && Date.now() < deadline; ) await new Promise((resolve) => setTimeout(resolve, 5));
  await loop.close();
  expect(rounds).toBeGreaterThanOrEqual(3);
});
