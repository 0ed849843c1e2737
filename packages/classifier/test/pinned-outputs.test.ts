import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classifier } from './fixtures.js';
import { pinOutputs, type PinnedOutputs } from './pinned/digest.js';
import { pinnedInputs } from './pinned/inputs.js';

const pinned = JSON.parse(readFileSync(new URL('./pinned/outputs.json', import.meta.url), 'utf8')) as PinnedOutputs;

describe('classification results', () => {
  it('are exactly the pinned ones for the corpus and its variants (speed work must not change them)', () => {
    const now = pinOutputs(classifier, pinnedInputs());
    expect(now.inputs).toBe(pinned.inputs);
    expect(now.samples).toEqual(pinned.samples);
    const changed = now.chunkHashes.flatMap((hash, i) => (hash === pinned.chunkHashes[i] ? [] : [`inputs ${i * now.chunkSize}..${(i + 1) * now.chunkSize - 1}`]));
    expect(changed).toEqual([]);
  });
});
