import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { planPlatform } from '../src/budget/plan.js';
import { platformLimits } from '../src/budget/platform-limits.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const national = { accounts: 5_000_000, pollIntervalSeconds: 900, credentials: 1, postsPerAccountPerDay: 2, watchedPosts: 500, watchIntervalSeconds: 3600 };

describe('the polling budget', () => {
  it('for 5 million accounts every 15 minutes, on X: 500 apps, five days with one, 100 times the monthly cap', () => {
    const x = planPlatform(platformLimits.x, national);
    expect(x.polling).toMatchObject({ neededPerWindow: 5_000_000, allowedPerWindow: 10_000, credentialsNeeded: 500, achievableIntervalSeconds: 450_000 });
    expect(x.watching).toMatchObject({ neededPerWindow: 125, allowedPerWindow: 75, credentialsNeeded: 2 });
    expect(x).toMatchObject({ monthlyPostReads: 300_000_000, monthlyCost: 1_500_000, monthlyPostReadCap: 3_000_000, capUse: 100, accountsWithinCap: 50_000 });
  });

  it('on Mastodon one IP polls an instance once a second; on Bluesky Jetstream takes a connection per 10,000 accounts', () => {
    const mastodon = planPlatform(platformLimits.mastodon, national);
    expect(mastodon.polling).toMatchObject({ credentialsNeeded: 5_556, achievableIntervalSeconds: 5_000_000 });
    expect(planPlatform(platformLimits.bluesky, national).streamConnections).toEqual({ name: 'Jetstream (wantedDids)', connections: 500 });
    expect(planPlatform(platformLimits.mastodon, { ...national, accounts: 250 }).polling.credentialsNeeded).toBe(1);
  });

  it('prints the table for a person, JSON for a program, and refuses a bad number', async () => {
    const run = (args: string[]) =>
      new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
        execFile(path.join(root, 'node_modules/.bin/tsx'), ['services/scheduler/src/cli/plan.ts', ...args], { cwd: root }, (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }));
      });
    const table = await run(['--accounts', '5000000', '--platform', 'x']);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/GET \/2\/users\/:id\/tweets: 5,000,000 requests per 15 min needed, 10,000 allowed per app \(needs 500 apps\)/);
    expect(table.stdout).toMatch(/cost \$1,500,000, cap 3,000,000 \(100× over it/);
    const json = JSON.parse((await run(['--accounts', '1000', '--json'])).stdout) as { budgets: Array<{ platform: string }> };
    expect(json.budgets.map((b) => b.platform)).toEqual(['mastodon', 'bluesky', 'x']);
    const bad = await run(['--accounts', 'banyak']);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/--accounts must be a number of at least 1/);
  }, 60_000);
});
