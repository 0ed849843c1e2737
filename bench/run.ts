import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCommandLine, runMain } from '@netra/core';
import { connectRedis } from '@netra/queue';
import { freshBenchDatabase } from './bench-database.js';
import { benchClassifier } from './classifier.js';
import { benchIngestClassified } from './ingest-classified.js';
import { benchMediaOcr } from './media-ocr.js';
import { nusaxTexts } from './nusax.js';
import { benchRegistryImport } from './registry-import.js';
import { benchReviewQueue } from './review-queue.js';
import { benchScheduleRound } from './schedule-round.js';
import { benchStatistics } from './stats.js';
import { benchStorePosts } from './store-posts.js';

/**
 * `npm run bench`: measures, prints one JSON report and writes it under bench/results/.
 * Sizes can be raised for the national-scale figures: `npm run bench -- --accounts 1000000`.
 */
runMain(async () => {
  const { values } = parseCommandLine('usage: npm run bench [-- --posts N --accounts N --ingest-posts N --classifiers N --classify-posts N --stats-posts N --stats-items N --queue-items N --registry-rows N --only SECTIONS]', {
    options: {
      posts: { type: 'string', default: '20000' },
      accounts: { type: 'string', default: '100000' },
      // Posts per platform polled through sim-platform over HTTP, then classified, by service processes.
      'ingest-posts': { type: 'string', default: '20000' },
      classifiers: { type: 'string', default: '2' },
      'classify-posts': { type: 'string', default: '50000' },
      // National scale for the statistics figures: --stats-posts 10000000 --stats-items 1000000
      'stats-posts': { type: 'string', default: '200000' },
      'stats-items': { type: 'string', default: '20000' },
      // National scale for the queue: --queue-items 1000000
      'queue-items': { type: 'string', default: '100000' },
      // National scale for the registry: --registry-rows 1000000
      'registry-rows': { type: 'string', default: '200000' },
      // Only these sections (comma-separated: classifier,media_ocr,store_posts,schedule_round,ingest,statistics,review_queue,registry_import).
      only: { type: 'string' },
    },
  });
  const wanted = (section: string) => values.only === undefined || values.only.split(',').includes(section);
  const texts = nusaxTexts();
  const report: Record<string, unknown> = {
    at: new Date().toISOString(),
    machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, node: process.version, memory_gib: Math.round(os.totalmem() / 2 ** 30) },
  };

  if (wanted('classifier')) report.classifier = benchClassifier(texts, Number(values['classify-posts']));
  if (wanted('media_ocr')) report.media_ocr = await benchMediaOcr();

  const bench = await freshBenchDatabase();
  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  const redis = await connectRedis(redisUrl);
  try {
    if (wanted('store_posts')) report.store_posts = await benchStorePosts(bench.db, texts, Number(values.posts));
    if (wanted('schedule_round')) report.schedule_round = await benchScheduleRound(bench.db, redis, Number(values.accounts));
    if (wanted('ingest')) {
      report.ingest = await benchIngestClassified(bench, redis, redisUrl, texts, {
        postsPerPlatform: Number(values['ingest-posts']),
        classifiers: Number(values.classifiers),
      });
    }
  } finally {
    redis.disconnect();
    await bench.drop();
  }

  if (wanted('statistics')) {
    const statsBench = await freshBenchDatabase('stats');
    try {
      report.statistics = await benchStatistics(statsBench.db, { posts: Number(values['stats-posts']), items: Number(values['stats-items']) });
    } finally {
      await statsBench.drop();
    }
  }

  if (wanted('review_queue')) {
    const queueBench = await freshBenchDatabase('queue');
    try {
      report.review_queue = await benchReviewQueue(queueBench.db, Number(values['queue-items']));
    } finally {
      await queueBench.drop();
    }
  }

  if (wanted('registry_import')) {
    const registryBench = await freshBenchDatabase('registry');
    try {
      report.registry_import = await benchRegistryImport(registryBench, Number(values['registry-rows']));
    } finally {
      await registryBench.drop();
    }
  }

  const json = JSON.stringify(report, null, 2);
  const resultsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), 'results');
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(path.join(resultsDir, `bench-${String(report.at).replace(/[:.]/g, '-')}.json`), `${json}\n`);
  process.stdout.write(`${json}\n`);
});
