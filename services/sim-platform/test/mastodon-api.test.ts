import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSimPlatform, World } from '../src/index.js';

let world: World;
let app: FastifyInstance;
const start = Date.parse('2024-10-01T00:00:00Z');
const minute = (n: number) => new Date(start + n * 60_000);

beforeEach(() => {
  world = new World({ domain: 'sim.test' });
  world.createAccount({ username: 'budi', displayName: 'Budi', createdAt: minute(0) });
  world.createAccount({ username: 'rido_jakarta', displayName: 'RIDO', createdAt: minute(0) });
  app = createSimPlatform(world);
});
afterEach(() => app.close());

const get = async (url: string) => {
  const response = await app.inject({ method: 'GET', url });
  return { status: response.statusCode, body: response.json(), link: response.headers.link as string | undefined };
};
const idOf = (acct: string) => world.findAccount(acct)!.id;
const linkCursor = (link: string | undefined, rel: 'next' | 'prev') => {
  const match = new RegExp(`<([^>]+)>; rel="${rel}"`).exec(link ?? '');
  return match ? new URL(match[1]!).searchParams : undefined;
};

describe('accounts', () => {
  it('looks up by acct, with or without the local domain, and 404s like Mastodon otherwise', async () => {
    expect((await get('/api/v1/accounts/lookup?acct=budi')).body).toMatchObject({ id: idOf('budi'), username: 'budi', acct: 'budi', locked: false });
    expect((await get('/api/v1/accounts/lookup?acct=Budi@sim.test')).body.id).toBe(idOf('budi'));
    expect(await get('/api/v1/accounts/lookup?acct=budi@elsewhere.example')).toMatchObject({ status: 404, body: { error: 'Record not found' } });
    expect(await get('/api/v1/accounts/999999999999999999')).toMatchObject({ status: 404, body: { error: 'Record not found' } });
  });

  it('marks a suspended account and serves none of its statuses', async () => {
    world.post({ acct: 'budi', text: 'halo', createdAt: minute(1) });
    world.suspend('budi');
    expect((await get('/api/v1/accounts/lookup?acct=budi')).body).toMatchObject({ suspended: true, display_name: '' });
    expect((await get(`/api/v1/accounts/${idOf('budi')}/statuses`)).body).toEqual([]);
  });
});

describe('account statuses', () => {
  beforeEach(() => {
    for (let i = 1; i <= 7; i++) world.post({ acct: 'budi', text: `post ${i}`, createdAt: minute(i) });
  });

  it('uses ids beyond 2^53 that grow with time', () => {
    const ids = world.statusesBy(idOf('budi')).map((s) => BigInt(s.id));
    expect(ids.every((id) => id > 2n ** 53n)).toBe(true);
    expect([...ids].sort((a, b) => (a > b ? -1 : 1))).toEqual(ids);
  });

  it('pages newest first with Link next (max_id) and prev (min_id), keeping limit', async () => {
    const first = await get(`/api/v1/accounts/${idOf('budi')}/statuses?limit=3`);
    expect(first.body.map((s: { content: string }) => s.content)).toEqual(['<p>post 7</p>', '<p>post 6</p>', '<p>post 5</p>']);
    expect(linkCursor(first.link, 'next')?.get('max_id')).toBe(first.body[2].id);
    expect(linkCursor(first.link, 'next')?.get('limit')).toBe('3');
    expect(linkCursor(first.link, 'prev')?.get('min_id')).toBe(first.body[0].id);

    const next = new URL(first.link!.match(/<([^>]+)>; rel="next"/)![1]!);
    const second = await get(`${next.pathname}${next.search}`);
    expect(second.body.map((s: { content: string }) => s.content)).toEqual(['<p>post 4</p>', '<p>post 3</p>', '<p>post 2</p>']);
  });

  it('omits rel="next" on a short page and sends no Link on an empty one', async () => {
    const last = await get(`/api/v1/accounts/${idOf('budi')}/statuses?limit=40`);
    expect(last.body).toHaveLength(7);
    expect(linkCursor(last.link, 'next')).toBeUndefined();
    const newest = last.body[0].id;
    const empty = await get(`/api/v1/accounts/${idOf('budi')}/statuses?since_id=${newest}`);
    expect(empty.body).toEqual([]);
    expect(empty.link).toBeUndefined();
  });

  it('since_id gives the newest above it, min_id the ones just above it', async () => {
    const all = (await get(`/api/v1/accounts/${idOf('budi')}/statuses`)).body.map((s: { id: string }) => s.id);
    const oldest = all[6];
    expect((await get(`/api/v1/accounts/${idOf('budi')}/statuses?since_id=${oldest}&limit=2`)).body.map((s: { id: string }) => s.id)).toEqual(all.slice(0, 2));
    expect((await get(`/api/v1/accounts/${idOf('budi')}/statuses?min_id=${oldest}&limit=2`)).body.map((s: { id: string }) => s.id)).toEqual(all.slice(4, 6));
  });

  it('caps limit at 40 and defaults it to 20', async () => {
    for (let i = 8; i <= 50; i++) world.post({ acct: 'budi', text: `post ${i}`, createdAt: minute(i) });
    expect((await get(`/api/v1/accounts/${idOf('budi')}/statuses`)).body).toHaveLength(20);
    expect((await get(`/api/v1/accounts/${idOf('budi')}/statuses?limit=500`)).body).toHaveLength(40);
  });

  it('excludes replies to others (not self-replies) and reblogs on request', async () => {
    const campaign = world.post({ acct: 'rido_jakarta', text: 'kampanye', createdAt: minute(10) });
    const own = world.statusesBy(idOf('budi'))[0]!;
    world.post({ acct: 'budi', text: 'balasan', inReplyToId: campaign.id, createdAt: minute(11) });
    world.post({ acct: 'budi', text: 'lanjutan thread', inReplyToId: own.id, createdAt: minute(12) });
    world.post({ acct: 'budi', reblogOfId: campaign.id, createdAt: minute(13) });
    const texts = async (query: string) =>
      (await get(`/api/v1/accounts/${idOf('budi')}/statuses?${query}`)).body.slice(0, 3).map((s: { content: string; reblog: unknown }) => (s.reblog ? 'reblog' : s.content));
    expect(await texts('')).toEqual(['reblog', '<p>lanjutan thread</p>', '<p>balasan</p>']);
    expect(await texts('exclude_replies=true&exclude_reblogs=true')).toEqual(['<p>lanjutan thread</p>', '<p>post 7</p>', '<p>post 6</p>']);
  });
});

describe('statuses', () => {
  it('serves a reblog wrapping the original, and replies with their parent ids', async () => {
    const original = world.post({ acct: 'rido_jakarta', text: 'Coblos nomor 1! #rido', createdAt: minute(1), mediaDescriptions: ['Foto kampanye'] });
    const reblog = world.post({ acct: 'budi', reblogOfId: original.id, createdAt: minute(2) });
    const reply = world.post({ acct: 'budi', text: '@rido_jakarta mantap', inReplyToId: original.id, createdAt: minute(3) });

    const wrapped = (await get(`/api/v1/statuses/${reblog.id}`)).body;
    expect(wrapped).toMatchObject({ id: reblog.id, content: '', account: { username: 'budi' }, reblog: { id: original.id, reblogs_count: 1, replies_count: 1 } });
    expect(wrapped.reblog.media_attachments).toMatchObject([{ type: 'image', description: 'Foto kampanye' }]);
    expect(wrapped.reblog.tags).toEqual([{ name: 'rido', url: 'https://sim.test/tags/rido' }]);

    const replyJson = (await get(`/api/v1/statuses/${reply.id}`)).body;
    expect(replyJson).toMatchObject({ in_reply_to_id: original.id, in_reply_to_account_id: idOf('rido_jakarta'), visibility: 'public', edited_at: null });
    expect(replyJson.mentions).toEqual([{ id: idOf('rido_jakarta'), username: 'rido_jakarta', acct: 'rido_jakarta', url: 'https://sim.test/@rido_jakarta' }]);
    expect(await get('/api/v1/statuses/1')).toMatchObject({ status: 404, body: { error: 'Record not found' } });
  });

  it('gives the context: ancestors root first, descendants in thread order', async () => {
    const root = world.post({ acct: 'rido_jakarta', text: 'root', createdAt: minute(1) });
    const a = world.post({ acct: 'budi', text: 'a', inReplyToId: root.id, createdAt: minute(2) });
    const b = world.post({ acct: 'rido_jakarta', text: 'b', inReplyToId: root.id, createdAt: minute(3) });
    const a1 = world.post({ acct: 'rido_jakarta', text: 'a1', inReplyToId: a.id, createdAt: minute(4) });
    const ids = (list: { id: string }[]) => list.map((s) => s.id);
    const rootContext = (await get(`/api/v1/statuses/${root.id}/context`)).body;
    expect(ids(rootContext.ancestors)).toEqual([]);
    expect(ids(rootContext.descendants)).toEqual([a.id, a1.id, b.id]);
    expect(ids((await get(`/api/v1/statuses/${a1.id}/context`)).body.ancestors)).toEqual([root.id, a.id]);
  });

  it('pages favourited_by and reblogged_by by the engagement, newest first, 40 by default', async () => {
    const post = world.post({ acct: 'rido_jakarta', text: 'kampanye', createdAt: minute(1) });
    for (let i = 0; i < 45; i++) {
      world.createAccount({ username: `warga${i}`, displayName: `Warga ${i}`, createdAt: minute(0) });
      world.favourite({ acct: `warga${i}`, statusId: post.id, createdAt: minute(10 + i) });
    }
    world.post({ acct: 'budi', reblogOfId: post.id, createdAt: minute(5) });

    const first = await get(`/api/v1/statuses/${post.id}/favourited_by`);
    expect(first.body).toHaveLength(40);
    expect(first.body[0].username).toBe('warga44');
    const maxId = linkCursor(first.link, 'next')!.get('max_id')!;
    expect(maxId).toBe(world.favouritesOf(post.id)[39]!.id);
    const second = await get(`/api/v1/statuses/${post.id}/favourited_by?max_id=${maxId}`);
    expect(second.body.map((a: { username: string }) => a.username)).toEqual(['warga4', 'warga3', 'warga2', 'warga1', 'warga0']);
    expect((await get(`/api/v1/statuses/${post.id}/favourited_by?limit=100`)).body).toHaveLength(45);
    expect((await get(`/api/v1/statuses/${post.id}/reblogged_by`)).body.map((a: { username: string }) => a.username)).toEqual(['budi']);
  });
});

describe('/sim mutation API', () => {
  it('posts, replies, boosts and likes, answering with Mastodon JSON', async () => {
    const created = await app.inject({ method: 'POST', url: '/sim/statuses', payload: { acct: 'rido_jakarta', text: 'Salam <b>RIDO</b>', created_at: '2024-10-02T01:00:00Z' } });
    expect(created.statusCode).toBe(200);
    const status = created.json();
    expect(status).toMatchObject({ content: '<p>Salam &lt;b&gt;RIDO&lt;/b&gt;</p>', created_at: '2024-10-02T01:00:00.000Z' });
    const like = await app.inject({ method: 'POST', url: `/sim/statuses/${status.id}/favourites`, payload: { acct: 'budi' } });
    expect(like.statusCode).toBe(200);
    const boost = await app.inject({ method: 'POST', url: '/sim/statuses', payload: { acct: 'budi', reblog_of_id: status.id } });
    expect(boost.json().reblog.id).toBe(status.id);
    expect((await get(`/api/v1/statuses/${status.id}`)).body).toMatchObject({ favourites_count: 1, reblogs_count: 1 });
  });

  it('refuses what the world cannot hold with 422, and bad bodies with 400', async () => {
    expect((await app.inject({ method: 'POST', url: '/sim/statuses', payload: { acct: 'nobody', text: 'x' } })).statusCode).toBe(422);
    expect((await app.inject({ method: 'POST', url: '/sim/statuses', payload: { acct: 'budi', text: 'x', in_reply_to_id: '123' } })).statusCode).toBe(422);
    expect((await app.inject({ method: 'POST', url: '/sim/statuses', payload: { text: 'x' } })).statusCode).toBe(400);
  });

  it('arms a fault for the next matching request only', async () => {
    const armed = await app.inject({ method: 'POST', url: '/sim/faults', payload: { path: '/accounts/lookup', status: 503, times: 1 } });
    expect(armed.statusCode).toBe(201);
    expect((await get('/api/v1/accounts/lookup?acct=budi')).status).toBe(503);
    expect((await get('/api/v1/accounts/lookup?acct=budi')).status).toBe(200);
  });
});
