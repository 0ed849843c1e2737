import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runMain } from '@netra/core';
import { connectRedis } from '@netra/queue';
import { freshBenchDatabase } from './bench-database.js';
import { benchClassifier } from './classifier.js';
import { benchIngestThroughSim } from './ingest-through-sim.js';
import { nusaxTexts } from './nusax.js';
import { benchScheduleRound } from './schedule-round.js';
import { benchStatistics } from './stats.js';
import { benchStorePosts } from './store-posts.js';

/**
 * `npm run bench`: measures, prints one JSON report and writes it under bench/results/.
 * Sizes can be raised for the national-scale figures: `npm run bench -- --accounts 1000000`.
 */
runMain(async () => {
  const { values } = parseArgs({
    options: {
      posts: { type: 'string', default: '20000' },
      accounts: { type: 'string', default: '100000' },
      // Posts per platform polled through sim-platform over HTTP.
      'ingest-posts': { type: 'string', default: '20000' },
      'classify-posts': { type: 'string', default: '50000' },
      // National scale for the statistics figures: --stats-posts 10000000 --stats-items 1000000
      'stats-posts': { type: 'string', default: '200000' },
      'stats-items': { type: 'string', default: '20000' },
    },
  });
  const texts = nusaxTexts();
  const report: Record<string, unknown> = {
    at: new Date().toISOString(),
    machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, node: process.version, memory_gib: Math.round(os.totalmem() / 2 ** 30) },
  };

  report.classifier = benchClassifier(texts, Number(values['classify-posts']));

  const bench = await freshBenchDatabase();
  const redis = await connectRedis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  try {
    report.store_posts = await benchStorePosts(bench.db, texts, Number(values.posts));
    report.schedule_round = await benchScheduleRound(bench.db, redis, Number(values.accounts));
    report.ingest_through_sim = await benchIngestThroughSim(bench.db, redis, texts, Number(values['ingest-posts']));
  } finally {
    redis.disconnect();
    await bench.drop();
  }

  const statsBench = await freshBenchDatabase('netra_bench_stats');
  try {
    report.statistics = await benchStatistics(statsBench.db, { posts: Number(values['stats-posts']), items: Number(values['stats-items']) });
  } finally {
    await statsBench.drop();
  }

  const json = JSON.stringify(report, null, 2);
  const resultsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), 'results');
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(path.join(resultsDir, `bench-${String(report.at).replace(/[:.]/g, '-')}.json`), `${json}\n`);
  process.stdout.write(`${json}\n`);
});
