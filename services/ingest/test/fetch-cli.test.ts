import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blueskyHandle, blueskyUri, startSimPlatform, World, type RunningSimPlatform } from '@netra/sim-platform';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const tsx = path.join(root, 'node_modules/.bin/tsx');

/** Runs the fetch CLI as a user would (asynchronously: the sim answers from this process). */
function fetchCli(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(tsx, ['services/ingest/src/cli/fetch.ts', ...args], { cwd: root, env: { PATH: process.env.PATH ?? '', ...env } }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}
const lines = (stdout: string) => stdout.trim().split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>);

let sim: RunningSimPlatform;
let world: World;
beforeAll(async () => {
  world = new World({ domain: 'sim.test' });
  sim = await startSimPlatform({ port: 0, world });
  world.createAccount({ username: 'paslon', displayName: 'Paslon' });
  world.createAccount({ username: 'budi', displayName: 'Budi' });
});
afterAll(() => sim.close());

describe('npm run -s fetch', () => {
  it("prints an account's normalised posts as JSON lines, and only those after --since", async () => {
    const first = world.post({ acct: 'budi', text: 'satu' });
    world.post({ acct: 'budi', text: 'dua' });
    const all = await fetchCli(['--platform', 'mastodon', '--base-url', sim.url, '--account', 'budi']);
    expect(all).toMatchObject({ code: 0, stderr: '' });
    expect(lines(all.stdout).map((p) => [p.kind, p.text])).toEqual([['post', 'satu'], ['post', 'dua']]);
    const later = await fetchCli(['--platform', 'x', '--base-url', sim.url, '--account', 'budi', '--since', first.id], { X_BEARER_TOKEN: 'token-for-the-sim' });
    expect(lines(later.stdout).map((p) => p.text)).toEqual(['dua']);
  });

  it("prints a post's likers, reposters and repliers, from its web URL", async () => {
    const post = world.post({ acct: 'paslon', text: 'Coblos nomor 1' });
    world.favourite({ acct: 'budi', statusId: post.id });
    world.post({ acct: 'budi', text: 'siap!', inReplyToId: post.id });
    const url = `https://bsky.app/profile/${blueskyHandle(world, world.findAccount('paslon')!)}/post/${blueskyUri(world, post).split('/').pop()}`;
    const { code, stdout } = await fetchCli(['--platform', 'bluesky', '--base-url', sim.url, '--post', url]);
    expect(code).toBe(0);
    expect(lines(stdout).map((o) => [o.kind, (o.actor as { handle: string }).handle])).toEqual([
      ['like', blueskyHandle(world, world.findAccount('budi')!)],
      ['comment', blueskyHandle(world, world.findAccount('budi')!)],
    ]);
  });

  it('on a platform error, prints one line with the reason and exits non-zero', async () => {
    const { code, stdout, stderr } = await fetchCli(['--platform', 'mastodon', '--base-url', sim.url, '--account', 'tidak_ada']);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/^fetch: PLATFORM_NOT_FOUND: /);
  });

  it('waits out a 429 as Retry-After asks, and says so', async () => {
    sim.faults.add({ path: '^/api/v1/accounts/lookup', status: 429, headers: { 'retry-after': '1' }, body: { error: 'Too many requests' } });
    const { code, stdout, stderr } = await fetchCli(['--platform', 'mastodon', '--base-url', sim.url, '--account', 'budi']);
    expect(code, stderr).toBe(0);
    expect(stderr).toMatch(/^fetch: looking up budi: rate limited; waiting 1 s as the platform asks, then trying again$/m);
    expect(lines(stdout).length).toBeGreaterThan(0);
  });

  it('tries a 5xx again a few times, then gives up with the platform\'s reason', async () => {
    sim.faults.add({ path: '^/api/v1/accounts/lookup', status: 503, times: 2 });
    const recovered = await fetchCli(['--platform', 'mastodon', '--base-url', sim.url, '--account', 'budi']);
    expect(recovered.code, recovered.stderr).toBe(0);
    expect(recovered.stderr).toMatch(/try 2 of 4 in 1 s/);
    expect(recovered.stderr).toMatch(/try 3 of 4 in 2 s/);

    sim.faults.add({ path: '^/api/v1/accounts/lookup', status: 503, times: 4 });
    const failed = await fetchCli(['--platform', 'mastodon', '--base-url', sim.url, '--account', 'budi']);
    expect(failed.code).toBe(1);
    expect(failed.stderr.trim().split('\n').at(-1)).toMatch(/^fetch: PLATFORM_UNAVAILABLE: /);
  }, 60_000);

  it('refuses a wait longer than --max-wait instead of hanging', async () => {
    sim.faults.add({ path: '^/api/v1/accounts/lookup', status: 429, headers: { 'retry-after': '3600' } });
    const { code, stderr } = await fetchCli(['--platform', 'mastodon', '--base-url', sim.url, '--account', 'budi', '--max-wait', '5']);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^fetch: PLATFORM_RATE_LIMITED: .*the platform asks to wait 3600 s, more than --max-wait 5 s$/m);
  });

  it('refuses bad arguments, naming what is wrong', async () => {
    const { code, stderr } = await fetchCli(['--platform', 'friendster', '--base-url', sim.url, '--account', 'budi']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/--platform must be one of mastodon, bluesky, x/);
    expect((await fetchCli(['--platform', 'x', '--base-url', sim.url, '--account', 'budi'])).stderr).toMatch(/X_BEARER_TOKEN is not set/);
  });
});
