import { readFileSync } from 'node:fs';
import type { LabelledExample } from '@netra/classifier';
import { parseLabelledLine } from '@netra/classifier/labelled-line';

/** Every labelled line of the files; a bad line stops the run with FILE:LINE and the reason. */
export function readLabelled(files: readonly string[]): LabelledExample[] {
  return files.flatMap((file) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .flatMap((line, i) => {
        if (line.trim() === '') return [];
        try {
          return [parseLabelledLine(line)];
        } catch (error) {
          throw new Error(`${file}:${i + 1}: ${error instanceof Error ? error.message : String(error)}`);
        }
      }),
  );
}
