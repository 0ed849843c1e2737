import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import { createLogger } from '@netra/core';
import { createUser, type Db } from '@netra/db';
import { buildReviewApp } from '@netra/review';
import { secondsSince } from './bench-database.js';
import { round as roundTo } from './store-posts.js';
import { seedWorld } from './seed-world.js';

const GOAL_P95_MS = 50;
const RUNS_PER_CASE = 10;
const PAGES_DEEP = 5;
const PASSWORD = 'bangku-taman-kota-hujan-sore';

/**
 * The review queue as reviewers use it: `GET /api/review-items` over HTTP (list and counts, as
 * the page asks) at national scale, for the biggest agency's reviewer and a central reviewer,
 * on the first page, pages deeper by cursor, and every filter the page offers. The anchor, in
 * the same run, is the bare SQL of one page (50 ids of open items in queue order) without the
 * service, the joins or the counts. Goal: p95 ≤ 50 ms for each viewer.
 */
export async function benchReviewQueue(db: Db, items: number) {
  const seedStarted = performance.now();
  await seedWorld(db, { posts: items, items });
  await sql`VACUUM ANALYZE`.execute(db);
  const seedSeconds = secondsSince(seedStarted);

  const biggest = await sql<{ agency_id: number; region_code: string; items: number }>`
    SELECT ri.agency_id, a.region_code, count(*)::int AS items
    FROM review_items ri JOIN agencies a ON a.id = ri.agency_id
    GROUP BY 1, 2 ORDER BY 3 DESC LIMIT 1
  `.execute(db);
  const agency = biggest.rows[0]!;
  const regency = await sql<{ region_code: string }>`
    SELECT region_code FROM review_items GROUP BY 1 ORDER BY count(*) LIMIT 1
  `.execute(db);

  await createUser(db, { email: 'peninjau@bench.test', displayName: 'Peninjau', role: 'reviewer', agencyId: agency.agency_id, password: PASSWORD });
  await createUser(db, { email: 'pusat@bench.test', displayName: 'Peninjau Pusat', role: 'central_reviewer', agencyId: null, password: PASSWORD });
  const app = buildReviewApp({ db, logger: createLogger('bench-review', 'silent'), insecureCookies: true, secondFactor: 'off' });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;

  const province = agency.region_code.slice(0, 2);
  const cases: Record<string, string> = {
    'first page': '',
    'region: province': `region=${province}`,
    'region: smallest regency': `region=${regency.rows[0]!.region_code}`,
    'code: support_letter': 'code=support_letter',
    'platform: mastodon': 'platform=mastodon',
    'election: pilpres-2024': 'election=pilpres-2024',
    'opened in one month': 'from=2024-10-01T00:00:00%2B07:00&to=2024-11-01T00:00:00%2B07:00',
    'status: dismissed': 'status=dismissed',
    'status: confirmed,dismissed': 'status=confirmed,dismissed',
    'region + code + platform': `region=${province}&code=number_symbol&platform=x`,
  };

  try {
    const anchor = await timeBareSql(db);
    const viewers: Record<string, unknown> = {};
    const cpuStarted = process.cpuUsage();
    const wallStarted = performance.now();
    for (const [viewer, email] of [['agency reviewer (biggest agency)', 'peninjau@bench.test'], ['central reviewer', 'pusat@bench.test']] as const) {
      const cookie = await signIn(base, email);
      const all: number[] = [];
      const perCase: Record<string, { median_ms: number; max_ms: number; items: number }> = {};
      for (const [name, query] of Object.entries(cases)) {
        const times: number[] = [];
        let shown = 0;
        for (let run = 0; run < RUNS_PER_CASE; run++) {
          const { ms, body } = await timedGet(base, `/api/review-items?${query}`, cookie);
          times.push(ms);
          shown = body.items.length;
        }
        perCase[name] = { ...summarise(times), items: shown };
        all.push(...times);
      }
      const deep = await followCursor(base, cookie, PAGES_DEEP);
      perCase[`pages 2–${PAGES_DEEP + 1} by cursor`] = { ...summarise(deep), items: 50 };
      all.push(...deep);
      const p95 = percentile(all, 0.95);
      viewers[viewer] = { requests: all.length, p50_ms: round(percentile(all, 0.5)), p95_ms: round(p95), goal_met: p95 <= GOAL_P95_MS, cases: perCase };
    }
    const cpu = process.cpuUsage(cpuStarted);
    return {
      review_items: items,
      agency_items: agency.items,
      seed_seconds: round(seedSeconds),
      anchor_bare_page_sql_median_ms: round(anchor),
      goal_p95_ms: GOAL_P95_MS,
      // The service runs in this process: its CPU is the HTTP server's and the client's together.
      http_phase: { wall_seconds: round(secondsSince(wallStarted)), cpu_seconds: round((cpu.user + cpu.system) / 1e6) },
      viewers,
      p95_over_anchor: Object.fromEntries(
        Object.entries(viewers).map(([name, v]) => [name, round((v as { p95_ms: number }).p95_ms / anchor)]),
      ),
    };
  } finally {
    await app.close();
  }
}

async function timeBareSql(db: Db): Promise<number> {
  const times: number[] = [];
  for (let run = 0; run < 20; run++) {
    const started = performance.now();
    await sql`SELECT id FROM review_items WHERE status = 'open' ORDER BY -priority, id LIMIT 51`.execute(db);
    times.push(performance.now() - started);
  }
  return percentile(times, 0.5);
}

async function signIn(base: string, email: string): Promise<string> {
  const response = await fetch(`${base}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  if (!response.ok) throw new Error(`bench sign-in failed: ${response.status} ${await response.text()}`);
  return response.headers.getSetCookie().map((cookie) => cookie.split(';')[0]).join('; ');
}

interface QueueBody {
  items: unknown[];
  next_cursor: string | null;
}

async function timedGet(base: string, path: string, cookie: string): Promise<{ ms: number; body: QueueBody }> {
  const started = performance.now();
  const response = await fetch(`${base}${path}`, { headers: { cookie } });
  const body = (await response.json()) as QueueBody;
  const ms = performance.now() - started;
  if (!response.ok) throw new Error(`GET ${path}: ${response.status} ${JSON.stringify(body)}`);
  return { ms, body };
}

/** Times pages 2.. by following next_cursor from the first page. */
async function followCursor(base: string, cookie: string, pages: number): Promise<number[]> {
  let cursor = (await timedGet(base, '/api/review-items', cookie)).body.next_cursor;
  const times: number[] = [];
  for (let page = 0; page < pages && cursor; page++) {
    const { ms, body } = await timedGet(base, `/api/review-items?cursor=${cursor}`, cookie);
    times.push(ms);
    cursor = body.next_cursor;
  }
  return times;
}

function summarise(times: number[]) {
  return { median_ms: round(percentile(times, 0.5)), max_ms: round(Math.max(...times)) };
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? 0;
}

/** Tenths: the figures are milliseconds and seconds read by people. */
const round = (n: number) => roundTo(n, 1);
