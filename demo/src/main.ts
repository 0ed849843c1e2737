import { sql } from 'kysely';
import { closeInOrder, createLogger, onShutdownSignal, parseCommandLine, redactUrl, runMain, type Closeable } from '@netra/core';
import { connectDb, migrateToLatest } from '@netra/db';
import { startForwarder } from '@netra/forwarder';
import { connectRedis } from '@netra/queue';
import { buildReviewApp, startReviewOperations } from '@netra/review';
import { startScheduler } from '@netra/scheduler';
import { buildDemoScenario, startSimPlatform } from '@netra/sim-platform';
import { startAgencyInbox } from './agency-inbox.js';
import { startPipeline } from './pipeline.js';
import { createDemoUsers, fileDemoReports, importDemoRegistry, routeAgenciesTo } from './seed.js';
import { demoSettings, ensureDatabase } from './settings.js';
import { demoSummary } from './summary.js';

/**
 * `npm run demo`: the whole of Netra in one process against a simulated Mastodon instance —
 * migrate, import the demo registry, poll every account, classify, open review items, and serve
 * the review workspace until stopped. `--once` runs the world through to the review queue,
 * prints a one-line JSON summary and exits.
 */
const usage = `usage: npm run demo [-- --once]
The whole of Netra against a simulated platform, serving the review workspace until Ctrl+C;
--once runs the demo world to the review queue, prints a JSON summary and exits.`;

runMain(async () => {
  const once = parseCommandLine(usage, { options: { once: { type: 'boolean', default: false } } }).values.once;
  const settings = demoSettings(process.env, once);
  const logger = createLogger('demo', process.env.LOG_LEVEL ?? (once ? 'warn' : 'info'));
  const parts: Closeable[] = [];

  await ensureDatabase(settings.databaseUrl);
  const db = await connectDb(settings.databaseUrl);
  await migrateToLatest(db);
  const redis = await connectRedis(settings.redisUrl);

  const scenario = buildDemoScenario();
  const sim = await startSimPlatform({ host: '127.0.0.1', port: settings.simPort, world: scenario.world });
  const inbox = await startAgencyInbox(settings.signingSecret, logger);
  await importDemoRegistry(db);
  await fileDemoReports(db, scenario.reportedPages);
  await routeAgenciesTo(db, inbox.urlFor);
  const users = await createDemoUsers(db, settings.demoPassword);

  const pipeline = await startPipeline({ db, redis, redisPrefix: settings.redisPrefix, platformBaseUrl: sim.url, mediaDir: settings.mediaDir, logger });
  // The demo's agency inbox listens on this machine; a deployment allows only what it lists.
  const forwarder = startForwarder({ db, logger, signingSecret: settings.signingSecret, outbound: { allowed: ['127.0.0.1', '::1'] } });
  // Workers first, then what they feed from and into, then connections (BullMQ's shutdown order).
  parts.push(pipeline, forwarder, sim, inbox, { close: async () => void redis.disconnect() }, { close: () => db.destroy() });

  // Every demo run looks at the whole world again; stored rows make re-runs change nothing.
  await db.updateTable('social_accounts').set({ next_poll_at: sql`now()` }).execute();

  if (once) {
    await pipeline.runRound();
    process.stdout.write(`${JSON.stringify(await demoSummary(db))}\n`);
    await closeInOrder(parts, logger);
    return;
  }

  const scheduler = startScheduler({ ...pipeline.scheduler, intervalMs: 30_000 });
  // Plain HTTP on this machine and no authenticator app at hand: the demo signs in with passwords
  // only. A deployment requires TOTP for every role that sees names and NIPs.
  const review = buildReviewApp({ db, logger, insecureCookies: true, secondFactor: 'off', media: settings.mediaDir });
  // Queue dashboard (/admin/queues), statistics refresh, and /metrics for everything in this process.
  const operations = await startReviewOperations({
    app: review,
    db,
    redis,
    redisPrefix: settings.redisPrefix,
    insecureCookies: true,
    secondFactor: 'off',
    logger,
    statsRefreshSeconds: 60,
    metrics: { host: '127.0.0.1', port: Number(process.env.METRICS_PORT ?? 9464 + settings.instance) },
    workers: pipeline.workers,
  });
  const reviewUrl = await review.listen({ host: settings.reviewHost, port: settings.reviewPort });
  parts.unshift(scheduler, { close: () => review.close() }, operations);
  printWelcome(reviewUrl, sim.url, users, settings);
  onShutdownSignal(() => closeInOrder(parts, logger), logger);
});

function printWelcome(
  reviewUrl: string,
  simUrl: string,
  users: { email: string; role: string; agency: string | null }[],
  settings: { demoPassword: string; passwordWasGenerated: boolean; instance: number; databaseUrl: string; redisPrefix: string },
): void {
  const lines = [
    '',
    `Netra demo ${settings.instance} is running. Review workspace: ${reviewUrl}`,
    `Simulated Mastodon instance: ${simUrl}`,
    `Database ${redactUrl(settings.databaseUrl)}, Redis prefix ${settings.redisPrefix} (another demo beside it: NETRA_DEMO_INSTANCE=${settings.instance + 1} npm run demo)`,
    '',
    'Users (one per role):',
    ...users.map((u) => `  ${u.email.padEnd(44)} ${u.role}${u.agency ? ` (${u.agency})` : ''}`),
    settings.passwordWasGenerated
      ? `Password for all of them (generated; set NETRA_DEMO_PASSWORD to choose one): ${settings.demoPassword}`
      : 'Password for all of them: the value of NETRA_DEMO_PASSWORD',
    '',
    'Press Ctrl+C to stop.',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}
