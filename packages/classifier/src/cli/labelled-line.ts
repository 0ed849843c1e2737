import { violationCodes, type ViolationCode } from '@netra/core';
import type { LabelledExample } from '../model/labelled-example.js';
import { parseInputLine } from './input-line.js';

const codes = new Set<string>(violationCodes);

/**
 * A classifier input line (input-line.ts) plus "expected_codes" ([] or absent = neutral), an
 * optional "source" and an optional "register" ('headline', 'evasive'...). Throws an Error saying what is wrong.
 */
export function parseLabelledLine(line: string): LabelledExample {
  const input = parseInputLine(line);
  const record = JSON.parse(line) as Record<string, unknown>;
  const expected = record['expected_codes'] ?? [];
  if (!Array.isArray(expected) || !expected.every((c) => typeof c === 'string' && codes.has(c))) {
    throw new Error(`"expected_codes" must be a list of codes from DOMAIN.md (${violationCodes.join(', ')})`);
  }
  const source = record['source'];
  const { id, ...rest } = input;
  const example: LabelledExample = { id, input: { ...rest, id }, expectedCodes: expected as ViolationCode[], source: typeof source === 'string' ? source : 'unknown' };
  if (typeof record['register'] === 'string') example.register = record['register'];
  return example;
}
