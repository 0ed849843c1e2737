import { InvalidInputError, loadConfig, parseCommandLine, platforms, runMain, type Platform } from '@netra/core';
import { planPlatform, type EndpointBudget, type PlanInput, type PlatformBudget } from '../budget/plan.js';
import { platformLimits } from '../budget/platform-limits.js';

const usage = `usage: npm run -s plan -- --accounts N [--platform mastodon|bluesky|x] [--interval SECONDS]
  [--credentials N] [--posts-per-day N] [--watched-posts N] [--watch-interval SECONDS] [--json]
The polling budget per platform: requests per window needed vs allowed per IP or app, the interval
that fits, monthly post reads and cost, and how many credentials or streams it takes.
--interval defaults to POLL_INTERVAL_SECONDS (the scheduler's default interval, 900).`;

runMain(async () => {
  const { values } = parseCommandLine(usage, {
    options: {
      accounts: { type: 'string' },
      platform: { type: 'string' },
      interval: { type: 'string' },
      credentials: { type: 'string', default: '1' },
      'posts-per-day': { type: 'string', default: '2' },
      'watched-posts': { type: 'string', default: '500' },
      'watch-interval': { type: 'string', default: '3600' },
      json: { type: 'boolean', default: false },
    },
  });
  const number = (name: string, value: string | undefined, min: number): number => {
    const n = Number(value);
    if (value === undefined || !Number.isFinite(n) || n < min) throw new InvalidInputError(`--${name} must be a number of at least ${min}\n${usage}`);
    return n;
  };
  const chosen = values.platform === undefined ? [...platforms] : [values.platform as Platform];
  if (!chosen.every((p) => platforms.includes(p))) throw new InvalidInputError(`--platform must be one of ${platforms.join(', ')}`);
  const input: PlanInput = {
    accounts: number('accounts', values.accounts, 1),
    pollIntervalSeconds: values.interval === undefined ? loadConfig(['POLL_INTERVAL_SECONDS']).POLL_INTERVAL_SECONDS : number('interval', values.interval, 1),
    credentials: number('credentials', values.credentials, 1),
    postsPerAccountPerDay: number('posts-per-day', values['posts-per-day'], 0),
    watchedPosts: number('watched-posts', values['watched-posts'], 0),
    watchIntervalSeconds: number('watch-interval', values['watch-interval'], 1),
  };
  const budgets = chosen.map((p) => planPlatform(platformLimits[p], input));
  process.stdout.write(values.json ? `${JSON.stringify({ input, budgets }, null, 2)}\n` : `${render(input, budgets)}\n`);
});

function render(input: PlanInput, budgets: readonly PlatformBudget[]): string {
  const lines = [
    `${count(input.accounts)} accounts every ${duration(input.pollIntervalSeconds)}, ${input.credentials} IP/app per platform, ${input.postsPerAccountPerDay} new posts per account a day; ${count(input.watchedPosts)} watched candidate posts every ${duration(input.watchIntervalSeconds)}`,
    '',
  ];
  for (const b of budgets) {
    lines.push(`${b.platform}`);
    lines.push(endpointLine('poll', b.polling));
    lines.push(endpointLine('watch', b.watching));
    const reads = [`  post reads a month: ${count(b.monthlyPostReads)}`];
    if (b.monthlyCost !== undefined) reads.push(`cost $${count(b.monthlyCost)}`);
    if (b.monthlyPostReadCap !== undefined) reads.push(`cap ${count(b.monthlyPostReadCap)} (${b.capUse! <= 1 ? 'within it' : `${b.capUse}× over it`}; the cap covers ${count(b.accountsWithinCap!)} accounts)`);
    lines.push(reads.join(', '));
    if (b.streamConnections) lines.push(`  or stream: ${b.streamConnections.name}, ${count(b.streamConnections.connections)} connection(s)`);
    if (b.note) lines.push(`  note: ${b.note}`);
    lines.push('');
  }
  lines.push('Limits: services/scheduler/src/budget/platform-limits.ts (sources there); docs/ingest.md explains the arithmetic.');
  return lines.join('\n');
}

function endpointLine(what: string, e: EndpointBudget): string {
  const fits = e.credentialsNeeded <= 1 ? 'fits one' : `needs ${count(e.credentialsNeeded)} ${e.per === 'IP' ? 'IPs' : 'apps'}`;
  return `  ${what.padEnd(5)} ${e.endpoint}: ${count(e.neededPerWindow)} requests per ${duration(e.windowSeconds)} needed, ${count(e.allowedPerWindow)} allowed per ${e.per} (${fits}); with what is given, every ${duration(e.achievableIntervalSeconds)} at best`;
}

function count(n: number): string {
  return n.toLocaleString('en-US');
}

function duration(seconds: number): string {
  if (seconds < 120) return `${seconds} s`;
  if (seconds < 7200) return `${Math.round(seconds / 60)} min`;
  if (seconds < 172_800) return `${Math.round(seconds / 360) / 10} h`;
  return `${Math.round(seconds / 8640) / 10} days`;
}
