import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { errorMessage, ConfigError, redactUrl } from '@netra/core';

/**
 * The demo runs on a fresh machine with nothing configured: it falls back to the local
 * Postgres and Redis, its own database and key prefix (so it never touches a real deployment's),
 * and generated secrets. Anything set in the environment wins.
 */
export interface DemoSettings {
  /** NETRA_DEMO_INSTANCE: which of several demos on one machine this is. */
  instance: number;
  databaseUrl: string;
  redisUrl: string;
  redisPrefix: string;
  signingSecret: string;
  demoPassword: string;
  passwordWasGenerated: boolean;
  reviewHost: string;
  reviewPort: number;
  simPort: number;
  /** MEDIA_DIR: where the demo keeps the images it fetched, one folder per demo instance. */
  mediaDir: string;
}

/**
 * One setting keeps two demos on one machine apart: NETRA_DEMO_INSTANCE=n (0 to 99, default 0)
 * picks the database and Redis prefix `netra_demo` (0) or `netra_demo_<n>`, the review port
 * 3000 + n and the simulator's port 4000 + n. Each may still be set on its own.
 */
export function demoSettings(env: NodeJS.ProcessEnv, once: boolean): DemoSettings {
  const instance = demoInstance(env.NETRA_DEMO_INSTANCE);
  const name = instance === 0 ? 'netra_demo' : `netra_demo_${instance}`;
  const generatedPassword = randomBytes(12).toString('base64url');
  return {
    instance,
    databaseUrl: env.DATABASE_URL ?? `postgres://postgres@127.0.0.1:5432/${name}`,
    redisUrl: env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    redisPrefix: env.REDIS_PREFIX ?? name,
    signingSecret: env.FORWARDER_SIGNING_SECRET ?? randomBytes(32).toString('hex'),
    demoPassword: env.NETRA_DEMO_PASSWORD ?? generatedPassword,
    passwordWasGenerated: env.NETRA_DEMO_PASSWORD === undefined,
    reviewHost: env.REVIEW_HOST ?? '127.0.0.1',
    // --once serves nothing for long: take any free ports so it never collides with a running demo.
    reviewPort: once ? 0 : Number(env.REVIEW_PORT ?? 3000 + instance),
    simPort: once ? 0 : Number(env.SIM_PLATFORM_PORT ?? 4000 + instance),
    mediaDir: env.MEDIA_DIR ?? `var/media/${name}`,
  };
}

function demoInstance(raw: string | undefined): number {
  if (raw === undefined || raw === '') return 0;
  if (!/^[0-9]{1,2}$/.test(raw)) throw new ConfigError('NETRA_DEMO_INSTANCE', 'must be a whole number from 0 to 99');
  return Number(raw);
}

/** Creates the demo's database if it does not exist yet. */
export async function ensureDatabase(databaseUrl: string): Promise<void> {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.slice(1));
  url.pathname = '/postgres';
  const admin = new pg.Client({ connectionString: url.toString() });
  try {
    await admin.connect();
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount === 0) await admin.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`);
  } catch (error) {
    throw new ConfigError('DATABASE_URL', `cannot prepare ${redactUrl(databaseUrl)} (${errorMessage(error)})`);
  } finally {
    await admin.end().catch(() => undefined);
  }
}
