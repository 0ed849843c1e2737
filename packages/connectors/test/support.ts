import { blueskyDid, blueskyHandle, blueskyUri, startSimPlatform, World, type Fault, type RunningSimPlatform, type SimAccount, type SimStatus } from '@netra/sim-platform';
import { expect } from 'vitest';
import { createBlueskyConnector, createMastodonConnector, createXConnector, PlatformError, type PlatformConnector, type PlatformErrorCode } from '../src/index.js';

/**
 * One simulated world served over real HTTP through all three platform faces, and how each
 * platform names its accounts, posts and endpoints, so one contract test runs against each.
 */
export interface PlatformFace {
  name: 'mastodon' | 'bluesky' | 'x';
  /** Patient enough for a loaded machine: an ordinary call never times out here. */
  connector: PlatformConnector;
  /** The same platform's connector with a short timeout, for the tests of slow answers. */
  impatient: PlatformConnector;
  accountId(account: SimAccount): string;
  handle(account: SimAccount): string;
  postId(status: SimStatus): string;
  statusPageSize: number;
  likerPageSize: number;
  /** Fault path patterns for each kind of call. */
  paths: { lookup: string; timeline: string; likes: string };
}

export interface SimFixture {
  sim: RunningSimPlatform;
  world: World;
  faces: PlatformFace[];
  newAccount(prefix?: string): SimAccount;
  arm(fault: Omit<Fault, 'delayMs'> & { delay_ms?: number }): Promise<void>;
  clearFaults(): Promise<void>;
}

const start = Date.parse('2024-10-01T00:00:00Z');
export const minute = (n: number) => new Date(start + n * 60_000);

export async function startSimFixture(): Promise<SimFixture> {
  let clock = 0;
  const world = new World({ domain: 'sim.test', now: () => minute(++clock) });
  const sim = await startSimPlatform({ port: 0, world });
  const options = { baseUrl: sim.url, timeoutMs: 15_000 };
  const impatient = { baseUrl: sim.url, timeoutMs: 300 };
  const faces: PlatformFace[] = [
    {
      name: 'mastodon',
      connector: createMastodonConnector(options),
      impatient: createMastodonConnector(impatient),
      accountId: (a) => a.id,
      handle: (a) => a.username,
      postId: (s) => s.id,
      statusPageSize: 40,
      likerPageSize: 80,
      paths: { lookup: '/accounts/lookup', timeline: '/accounts/\\d+/statuses', likes: '/favourited_by' },
    },
    {
      name: 'bluesky',
      connector: createBlueskyConnector(options),
      impatient: createBlueskyConnector(impatient),
      accountId: (a) => blueskyDid(a),
      handle: (a) => blueskyHandle(world, a),
      postId: (s) => blueskyUri(world, s),
      statusPageSize: 100,
      likerPageSize: 100,
      paths: { lookup: 'getProfile', timeline: 'getAuthorFeed', likes: 'getLikes' },
    },
    {
      name: 'x',
      connector: createXConnector({ ...options, bearerToken: 'sim-token' }),
      impatient: createXConnector({ ...impatient, bearerToken: 'sim-token' }),
      accountId: (a) => a.id,
      handle: (a) => a.username,
      postId: (s) => s.id,
      statusPageSize: 100,
      likerPageSize: 100,
      paths: { lookup: '/users/by/username', timeline: '/users/\\d+/tweets', likes: '/liking_users' },
    },
  ];
  let n = 0;
  return {
    sim,
    world,
    faces,
    newAccount: (prefix = 'asn') => world.createAccount({ username: `${prefix}${++n}`, displayName: `${prefix} ${n}`, createdAt: minute(0) }),
    async arm(fault) {
      const response = await fetch(`${sim.url}/sim/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(fault) });
      expect(response.status).toBe(201);
    },
    async clearFaults() {
      await fetch(`${sim.url}/sim/faults`, { method: 'DELETE' });
    },
  };
}

export async function failure(promise: Promise<unknown>, code: PlatformErrorCode): Promise<PlatformError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PlatformError);
  expect((error as PlatformError).platformCode, (error as Error).message).toBe(code);
  return error as PlatformError;
}
