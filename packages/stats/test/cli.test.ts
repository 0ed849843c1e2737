import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

function stats(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(path.join(root, 'node_modules/.bin/tsx'), ['packages/stats/src/cli.ts', ...args], { cwd: root }, (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }));
  });
}

describe('npm run -s stats', () => {
  it('--help prints the usage and exits 0, without a database', async () => {
    const { code, stdout } = await stats(['--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^usage: npm run -s stats -- \[--report /);
  }, 60_000);

  it('names a mistyped option and shows the usage', async () => {
    const { code, stderr } = await stats(['--form', '2024-01-01']);
    expect(code).not.toBe(0);
    expect(stderr).toMatch(/Unknown option '--form'/);
    expect(stderr).toMatch(/usage: npm run -s stats/);
  }, 60_000);
});
