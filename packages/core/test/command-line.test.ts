import { describe, expect, it } from 'vitest';
import { InvalidInputError, parseCommandLine, UsageRequested } from '../src/index.js';

const usage = 'usage: tool [--count N] FILE';
const read = (args: string[]) => parseCommandLine(usage, { args, allowPositionals: true, options: { count: { type: 'string', default: '1' } } });

describe('parseCommandLine', () => {
  it('reads options and positionals', () => {
    const { values, positionals } = read(['--count', '3', 'a.csv']);
    expect(values.count).toBe('3');
    expect(positionals).toEqual(['a.csv']);
  });

  it.each([['--help'], ['-h']])('answers %s with the usage', (flag) => {
    expect(() => read([flag])).toThrow(UsageRequested);
    expect(() => read(['a.csv', flag])).toThrow(usage);
  });

  it('names a mistyped option, then shows the usage', () => {
    const attempt = () => read(['--cuont', '3']);
    expect(attempt).toThrow(InvalidInputError);
    expect(attempt).toThrow(/'--cuont'[\s\S]*usage: tool/);
  });
});
