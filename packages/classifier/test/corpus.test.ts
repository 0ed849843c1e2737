import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseLabelledLine } from '../src/cli/labelled-line.js';
import { classifier } from './fixtures.js';

const dir = fileURLToPath(new URL('../data/corpus/', import.meta.url));
const read = (suffix: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith(suffix))
    .flatMap((f) => readFileSync(dir + f, 'utf8').trim().split('\n').map(parseLabelledLine));

describe('the committed corpus', () => {
  const train = read('-train.jsonl');
  const heldout = read('-heldout.jsonl');

  it('parses, names its source on every line, and keeps the held-out split apart from training', () => {
    expect(train.length + heldout.length).toBeGreaterThan(1400);
    const trainIds = new Set(train.map((e) => e.id));
    expect(trainIds.size).toBe(train.length);
    expect(heldout.filter((e) => trainIds.has(e.id))).toEqual([]);
    expect(new Set([...train, ...heldout].map((e) => e.source))).toEqual(new Set(['handwritten', 'nusax-senti-id', 'written-registers-train', 'written-registers-heldout']));
    const trainTexts = new Set(train.map((e) => `${e.input.text}|${e.input.targetText ?? ''}`));
    expect(heldout.filter((e) => trainTexts.has(`${e.input.text}|${e.input.targetText ?? ''}`)).map((e) => e.id)).toEqual([]);
  });

  it('flags none of the held-out NusaX sentences', () => {
    const nusax = heldout.filter((e) => e.source === 'nusax-senti-id');
    expect(nusax.filter((e) => classifier.classify(e.input).flagged)).toEqual([]);
  });
});
