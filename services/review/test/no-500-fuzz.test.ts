import { afterAll, beforeAll, expect, it } from 'vitest';
import { createLogger } from '@netra/core';
import { createTestDatabase, seedAgency, seedFlaggedPost, seedUser, type TestDatabase } from '@netra/testing';
import { buildReviewApp, type ReviewApp } from '../src/index.js';
import { signIn, type ApiClient } from './support/client.js';

/**
 * Issue 14: fourteen inputs answered 500. Every route, as every role, with hostile values in each
 * path parameter, each known query parameter and bodies of every shape: never a 5xx.
 */
const hostileStrings = [
  'a\u0000b',
  '\ud800',
  'x\udc00y',
  '9223372036854775808',
  '99999999999999999999999999',
  '-1',
  '1e400',
  '-271821-04-20',
  '2024-02-31',
  '2024-13-01',
  '0000-00-00',
  '',
  ' ',
  "' OR 1=1 --",
  '<script>alert(1)</script>',
  '../../etc/passwd',
  '%00',
  'x'.repeat(5000),
  '\u202Eexe.png',
  '\u200b',
  '[]',
  '{}',
  'null',
];
/** The ones that broke something once, for the many query and body fields. */
const sharpStrings = ['a\u0000b', '\ud800', '9223372036854775808', '1e400', '-271821-04-20', '2024-02-31', '', 'x'.repeat(5000)];
const hostileValues: unknown[] = [...sharpStrings, 1e308, 2 ** 63, true, null, [], { a: { b: { c: 'd\u0000' } } }, 12.5];
const queryNames = ['from', 'to', 'cursor', 'limit', 'status', 'agency', 'region', 'code', 'platform', 'election', 'by', 'format', 'lang', 'q'];
const bodyFields = ['email', 'password', 'display_name', 'role', 'agency_id', 'disabled', 'unlock', 'action', 'note', 'code', 'severity', 'reason', 'ids', 'webhook_url', 'contact_email', 'requires_four_eyes', 'email_cases', 'forwarding', 'lang'];

let t: TestDatabase;
let app: ReviewApp;
let routes: { method: string; url: string }[];
let clients: ApiClient[];
let itemId: string;

beforeAll(async () => {
  t = await createTestDatabase();
  app = buildReviewApp({
    db: t.db,
    logger: createLogger('review-test', 'silent'),
    insecureCookies: true,
    secondFactor: 'off',
    rateLimits: { signIn: 1e6, write: 1e6, read: 1e6, publicReportsPerHour: 1e6 },
  });
  routes = [];
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) if (method !== 'HEAD' && method !== 'OPTIONS') routes.push({ method, url: route.url });
  });
  await app.ready();
  const agency = await seedAgency(t.db);
  ({ itemId } = await seedFlaggedPost(t.db, agency));
  clients = [];
  // A supervisor reaches the same code as a reviewer, and further only where an admin does.
  for (const role of ['admin', 'reviewer', 'analyst'] as const) {
    clients.push(await signIn(app, (await seedUser(t.db, role, role === 'admin' || role === 'analyst' ? null : agency)).email));
  }
}, 120_000);
afterAll(async () => {
  await app?.close();
  await t?.drop();
});

/** Percent-encoding, also of what encodeURIComponent refuses (a lone surrogate: its raw bytes). */
function encode(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return [...value].map((char) => (/[\ud800-\udfff]/.test(char) ? '%ED%A0%80' : encodeURIComponent(char))).join('');
  }
}

/** The route's URL with each :param replaced by `value` (or a real id, to reach deeper code). */
function fill(url: string, value: string): string {
  return url.replace(/:[a-zA-Z]+/g, () => encode(value)).replace('*', encode(value));
}

it('no route answers 5xx to hostile parameters, queries or bodies, for any role or none', async () => {
  const failures: string[] = [];
  const send = async (client: ApiClient | null, method: string, url: string, payload?: unknown) => {
    const headers: Record<string, string> = client ? { cookie: client.cookie, 'x-netra-csrf': client.csrf } : {};
    const response = await app.inject({ method: method as 'GET', url, headers, ...(payload === undefined ? {} : { payload: payload as object }) });
    if (response.statusCode >= 500) failures.push(`${response.statusCode} ${method} ${url.slice(0, 120)} ${JSON.stringify(payload)?.slice(0, 120) ?? ''}`);
  };
  let sent = 0;
  for (const route of routes) {
    if (route.url === '/api/session' && route.method === 'DELETE') continue; // would sign the client out
    for (const client of [null, ...clients]) {
      for (const value of hostileStrings) {
        await send(client, route.method, fill(route.url, value));
        sent++;
      }
      const base = fill(route.url, itemId);
      if (route.method === 'GET') {
        for (const name of queryNames) {
          for (const value of sharpStrings) {
            await send(client, route.method, `${base}?${name}=${encode(value)}`);
            sent++;
          }
        }
      } else {
        for (const field of bodyFields) {
          for (const value of hostileValues) {
            await send(client, route.method, base, { [field]: value });
            sent++;
          }
        }
        for (const body of [[], 'text', 42, null, { ['k\u0000']: 1 }]) {
          await send(client, route.method, base, body);
          sent++;
        }
      }
    }
  }
  expect(sent).toBeGreaterThan(5_000);
  expect(failures).toEqual([]);
}, 600_000);
