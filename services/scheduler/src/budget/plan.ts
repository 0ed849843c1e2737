import type { Platform } from '@netra/core';
import type { EndpointLimit, PlatformLimits } from './platform-limits.js';

export interface PlanInput {
  accounts: number;
  /** The default poll interval (POLL_INTERVAL_SECONDS), as the scheduler uses it. */
  pollIntervalSeconds: number;
  /** IPs or apps available per platform. */
  credentials: number;
  /** New posts an account writes a day, on average (each is read once: reads are deduplicated). */
  postsPerAccountPerDay: number;
  /** Candidates' and parties' posts watched for likers, and how often each is checked. */
  watchedPosts: number;
  watchIntervalSeconds: number;
}

export interface EndpointBudget {
  endpoint: string;
  per: EndpointLimit['per'];
  /** Requests one window needs at the asked interval, and what one credential is allowed. */
  neededPerWindow: number;
  allowedPerWindow: number;
  windowSeconds: number;
  /** Credentials (IPs or apps) it takes to keep the asked interval. */
  credentialsNeeded: number;
  /** The shortest interval `credentials` credentials can keep. */
  achievableIntervalSeconds: number;
}

export interface PlatformBudget {
  platform: Platform;
  polling: EndpointBudget;
  watching: EndpointBudget;
  monthlyPostReads: number;
  monthlyCost?: number;
  monthlyPostReadCap?: number;
  /** How many times over the cap the month's reads are (below 1: within it). */
  capUse?: number;
  /** Accounts the cap covers at this posting rate. */
  accountsWithinCap?: number;
  streamConnections?: { name: string; connections: number };
  note?: string;
}

/**
 * The polling budget as arithmetic: N accounts every I seconds is N / I requests a second on
 * the timeline endpoint (one call per poll when nothing is new); W watched posts every Iw seconds
 * on the likers endpoint; post reads are what the accounts write (reads are deduplicated per day).
 */
export function planPlatform(limits: PlatformLimits, input: PlanInput): PlatformBudget {
  const polling = endpointBudget(limits.timeline, input.accounts, input.pollIntervalSeconds, input.credentials);
  const watching = endpointBudget(limits.likers, input.watchedPosts, input.watchIntervalSeconds, input.credentials);
  const monthlyPostReads = Math.round(input.accounts * input.postsPerAccountPerDay * 30);
  const budget: PlatformBudget = { platform: limits.platform, polling, watching, monthlyPostReads };
  if (limits.pricePerPostRead !== undefined) budget.monthlyCost = Math.round(monthlyPostReads * limits.pricePerPostRead);
  if (limits.monthlyPostReadCap !== undefined) {
    budget.monthlyPostReadCap = limits.monthlyPostReadCap;
    budget.capUse = round(monthlyPostReads / limits.monthlyPostReadCap);
    budget.accountsWithinCap = Math.floor(limits.monthlyPostReadCap / (input.postsPerAccountPerDay * 30));
  }
  if (limits.stream) budget.streamConnections = { name: limits.stream.name, connections: Math.ceil(input.accounts / limits.stream.accountsPerConnection) };
  if (limits.note) budget.note = limits.note;
  return budget;
}

function endpointBudget(limit: EndpointLimit, items: number, intervalSeconds: number, credentials: number): EndpointBudget {
  const neededPerWindow = Math.ceil((items / intervalSeconds) * limit.windowSeconds);
  return {
    endpoint: limit.endpoint,
    per: limit.per,
    neededPerWindow,
    allowedPerWindow: limit.requestsPerWindow,
    windowSeconds: limit.windowSeconds,
    credentialsNeeded: Math.max(1, Math.ceil(neededPerWindow / limit.requestsPerWindow)),
    achievableIntervalSeconds: Math.ceil((items * limit.windowSeconds) / (limit.requestsPerWindow * credentials)),
  };
}

const round = (n: number) => Math.round(n * 100) / 100;
