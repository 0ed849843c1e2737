import { describe, expect, it } from 'vitest';
import { evaluate } from '../src/index.js';
import { parseLabelledLine } from '../src/cli/labelled-line.js';

describe('evaluation figures', () => {
  it('gives precision, recall and F1 per code and overall, and the false-flag rate on neutral lines', () => {
    const report = evaluate([
      { expected: ['number_symbol'], predicted: ['number_symbol'] },
      { expected: ['number_symbol', 'mobilization'], predicted: ['number_symbol'] },
      { expected: [], predicted: ['campaign_content'] },
      { expected: [], predicted: [] },
      { expected: [], predicted: [] },
      { expected: [], predicted: [] },
    ]);
    expect(report.perCode.number_symbol).toMatchObject({ support: 2, precision: 1, recall: 1, f1: 1 });
    expect(report.perCode.mobilization).toMatchObject({ support: 1, recall: 0, f1: 0 });
    expect(report.perCode.campaign_content).toMatchObject({ support: 0, precision: 0 });
    expect(report.overall).toMatchObject({ truePositives: 2, falsePositives: 1, falseNegatives: 1, precision: 0.667, recall: 0.667 });
    expect(report).toMatchObject({ lines: 6, partisanLines: 2, neutralLines: 4, falseFlags: 1, falseFlagRate: 0.25 });
  });
});

describe('labelled lines', () => {
  it('reads the classify input plus expected_codes and source; absent codes mean neutral', () => {
    const line = parseLabelledLine('{"id":"x1","text":"coblos 02","region":"31","expected_codes":["number_symbol"],"source":"handwritten"}');
    expect(line).toMatchObject({ id: 'x1', expectedCodes: ['number_symbol'], source: 'handwritten', input: { text: 'coblos 02', regionCode: '31', kind: 'post' } });
    expect(parseLabelledLine('{"id":2,"text":"halo"}').expectedCodes).toEqual([]);
  });

  it('refuses a code that is not in DOMAIN.md', () => {
    expect(() => parseLabelledLine('{"id":"x","text":"t","expected_codes":["partisan"]}')).toThrow(/expected_codes/);
  });
});
