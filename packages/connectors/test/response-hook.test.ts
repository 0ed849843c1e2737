import { afterAll, beforeAll, expect, it } from 'vitest';
import { createMastodonConnector } from '../src/index.js';
import { failure, startSimFixture, type SimFixture } from './support.js';

let f: SimFixture;
beforeAll(async () => {
  f = await startSimFixture();
});
afterAll(() => f.sim.close());

it('tells the onResponse hook every answer, 429s included, and undefined when nothing answers', async () => {
  const statuses: (number | undefined)[] = [];
  const connector = createMastodonConnector({ baseUrl: f.sim.url, timeoutMs: 15_000, onResponse: (status) => statuses.push(status) });
  const account = f.newAccount();

  await connector.lookupAccount(account.username);
  await f.arm({ path: '/api/v1/accounts/lookup', status: 429, times: 1, headers: { 'retry-after': '1' } });
  await failure(connector.lookupAccount(account.username), 'RATE_LIMITED');
  await f.clearFaults();

  const unreachable = createMastodonConnector({ baseUrl: 'http://127.0.0.1:1', timeoutMs: 400, onResponse: (status) => statuses.push(status) });
  await failure(unreachable.lookupAccount(account.username), 'UNAVAILABLE');

  expect(statuses).toEqual([200, 429, undefined]);
});
