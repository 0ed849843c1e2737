import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';

/**
 * Real Indonesian sentences (NusaX-senti, CC BY-SA 4.0, Winata et al., EACL 2023), read in place
 * from shared/data: non-partisan text of realistic length for throughput runs.
 */
export function nusaxTexts(): string[] {
  const folder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../shared/data/nusax-senti-id');
  return ['train.csv', 'valid.csv', 'test.csv'].flatMap((file) =>
    (parse(readFileSync(path.join(folder, file), 'utf8'), { columns: true }) as { text: string }[]).map((row) => row.text),
  );
}
