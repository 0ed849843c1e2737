import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { adminDatabaseUrl, testRedisUrl } from '@netra/testing';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Starts a service entry point with exactly `env` (plus PATH) and returns how it ended. */
function start(entry: string, env: Record<string, string>) {
  const result = spawnSync(path.join(root, 'node_modules/.bin/tsx'), [entry], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', ...env },
    encoding: 'utf8',
    timeout: 100_000,
  });
  return { status: result.status, stderr: result.stderr.trim() };
}

describe('a service with bad configuration stops at start with one line naming the setting', () => {
  it('missing DATABASE_URL', () => {
    const { status, stderr } = start('services/scheduler/src/main.ts', { REDIS_URL: testRedisUrl });
    expect(status).toBe(1);
    expect(stderr).toBe('netra: DATABASE_URL: is not set');
  });

  it('unreachable DATABASE_URL, with the password hidden', () => {
    const { status, stderr } = start('services/scheduler/src/main.ts', {
      DATABASE_URL: 'postgres://netra:hunter2@127.0.0.1:1/netra',
      REDIS_URL: testRedisUrl,
    });
    expect(status).toBe(1);
    expect(stderr.split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/^netra: DATABASE_URL: cannot connect to postgres:\/\/netra:\*\*\*@127\.0\.0\.1:1\/netra/);
    expect(stderr).not.toContain('hunter2');
  });

  it('unreachable REDIS_URL', () => {
    const { status, stderr } = start('services/scheduler/src/main.ts', {
      DATABASE_URL: adminDatabaseUrl,
      REDIS_URL: 'redis://127.0.0.1:1',
    });
    expect(status).toBe(1);
    expect(stderr).toMatch(/^netra: REDIS_URL: cannot connect to redis:\/\/127\.0\.0\.1:1/);
  });

  it('malformed REDIS_URL', () => {
    const { status, stderr } = start('services/scheduler/src/main.ts', { DATABASE_URL: adminDatabaseUrl, REDIS_URL: 'localhost:6379' });
    expect(status).toBe(1);
    expect(stderr).toBe('netra: REDIS_URL: must be a redis:// URL');
  });

  it('a signing secret too short to be safe', () => {
    const { status, stderr } = start('services/forwarder/src/main.ts', {
      DATABASE_URL: adminDatabaseUrl,
      FORWARDER_SIGNING_SECRET: 'short',
    });
    expect(status).toBe(1);
    expect(stderr).toBe('netra: FORWARDER_SIGNING_SECRET: must be at least 32 characters (use a random value)');
  });
});
