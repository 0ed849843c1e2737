import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { blueskyDid, blueskyUri, createSimPlatform, World } from '../src/index.js';

let world: World;
let app: FastifyInstance;
beforeEach(() => {
  world = new World({ domain: 'sim.test' });
  world.createAccount({ username: 'budi', displayName: 'Budi' });
  world.createAccount({ username: 'paslon', displayName: 'Paslon' });
  app = createSimPlatform(world);
});
afterEach(() => app.close());

const call = async (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown, headers: Record<string, string> = {}) => {
  const response = await app.inject({ method, url, payload: payload as string | undefined, headers });
  return { status: response.statusCode, body: response.body ? (response.json() as Record<string, unknown>) : undefined };
};

it('edits, quotes and deletes through /sim, and every face shows the change', async () => {
  const original = (await call('POST', '/sim/statuses', { acct: 'paslon', text: 'Coblos 1' })).body!;
  const quote = (await call('POST', '/sim/statuses', { acct: 'budi', text: 'Setuju', quote_of_id: original.id })).body!;
  expect(quote.quote).toMatchObject({ state: 'accepted', quoted_status: { id: original.id } });

  expect((await call('PUT', `/sim/statuses/${original.id}`, { text: 'Coblos 1, ayo!' })).body).toMatchObject({ edited_at: expect.any(String) });
  const tweet = await call('GET', `/2/tweets/${original.id}`, undefined, { authorization: 'Bearer t' });
  expect(tweet.body).toMatchObject({ data: { text: 'Coblos 1, ayo!' } });

  expect((await call('DELETE', `/sim/statuses/${original.id}`)).status).toBe(204);
  expect((await call('GET', `/api/v1/statuses/${original.id}`)).status).toBe(404);
  const uri = blueskyUri(world, world.status(quote.id as string)!);
  expect((await call('GET', `/xrpc/app.bsky.feed.getPosts?uris=${encodeURIComponent(uri)}`)).body).toMatchObject({
    posts: [{ embed: { record: { $type: 'app.bsky.embed.record#viewNotFound' } } }],
  });
});

it('renames, suspends and protects accounts through /sim', async () => {
  const budi = world.findAccount('budi')!;
  expect((await call('POST', '/sim/accounts/budi', { action: 'rename', username: 'budi_baru' })).status).toBe(204);
  expect((await call('GET', `/xrpc/app.bsky.actor.getProfile?actor=${blueskyDid(budi)}`)).body).toMatchObject({ handle: 'budi_baru.sim.test' });
  expect((await call('POST', '/sim/accounts/budi_baru', { action: 'protect' })).status).toBe(204);
  expect((await call('GET', `/2/users/${budi.id}/tweets`, undefined, { authorization: 'Bearer t' })).body).toMatchObject({ errors: [{ title: 'Authorization Error' }] });
  expect((await call('POST', '/sim/accounts/paslon', { action: 'suspend' })).status).toBe(204);
  expect((await call('GET', '/xrpc/app.bsky.actor.getProfile?actor=paslon.sim.test')).body).toMatchObject({ error: 'AccountTakedown' });
  expect((await call('POST', '/sim/accounts/siapa', { action: 'suspend' })).status).toBe(422);
  expect((await call('GET', '/2/users/by/username/budi_baru')).status).toBe(401);
});
