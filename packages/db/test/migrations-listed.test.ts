import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { migrations } from '@netra/migrations';

it('lists every migration file in migrations/index.ts, in file-name order', () => {
  const folder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../migrations');
  const files = readdirSync(folder)
    .filter((name) => /^\d{4}_.+\.ts$/.test(name))
    .map((name) => name.replace(/\.ts$/, ''))
    .sort();
  expect(Object.keys(migrations)).toEqual(files);
});
