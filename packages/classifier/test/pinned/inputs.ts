import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseLabelledLine } from '../../src/cli/labelled-line.js';
import type { ClassifierInput } from '../../src/index.js';

const corpusDir = fileURLToPath(new URL('../../data/corpus/', import.meta.url));

/** Every text of the committed corpus (handwritten and NusaX), as labelled, in file order. */
function corpusInputs(): ClassifierInput[] {
  return readdirSync(corpusDir)
    .filter((file) => file.endsWith('.jsonl'))
    .sort()
    .flatMap((file) => readFileSync(corpusDir + file, 'utf8').trim().split('\n'))
    .map((line) => parseLabelledLine(line).input);
}

// ASCII '!'..'~' as their fullwidth forms, which NFKC folds back: exercises the span mapping.
const fullwidth = (text: string): string => text.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

/**
 * The inputs whose classifications are pinned: each corpus text as labelled, as the benchmark
 * feeds it, in another region, in capitals, in fullwidth letters, liked, and commented on. The
 * variants reach code paths (fold offsets, capitals, engagement, regional numbers) the labelled
 * lines alone touch rarely.
 */
export function pinnedInputs(): ClassifierInput[] {
  const corpus = corpusInputs();
  return corpus.flatMap((input, i) => {
    const text = input.text || input.targetText || '';
    const previous = corpus[i - 1]?.text ?? '';
    return [
      input,
      { text, kind: 'post', regionCode: '31', postedAt: '2024-10-01T08:00:00Z' },
      { text, kind: 'post', regionCode: '35.73', postedAt: '2024-10-20T08:00:00Z' },
      { text: text.toUpperCase(), kind: 'post', postedAt: input.postedAt },
      { text: fullwidth(text), kind: 'post', postedAt: input.postedAt },
      { text: '', kind: 'like', targetText: text, targetAuthorIsCandidate: i % 2 === 0, postedAt: input.postedAt },
      { text, kind: 'comment', targetText: previous, targetAuthorIsCandidate: i % 3 === 0, ...(i % 5 === 0 ? { spouseCandidateLabel: 'Prabowo–Gibran' } : {}) },
    ] satisfies ClassifierInput[];
  });
}
