import { describe, expect, it } from 'vitest';
import { reviewPriority, type PriorityFactors } from '../src/index.js';

const base: PriorityFactors = { score: 0.9, severity: 'sedang', reach: null, confirmedCases: 0, otherWaiting: 0 };
const value = (factors: Partial<PriorityFactors>) => reviewPriority({ ...base, ...factors }).value;

describe('reviewPriority', () => {
  it('puts a heavier suggested severity first, however sure the lighter one is', () => {
    expect(value({ severity: 'berat', score: 0.5 })).toBeGreaterThan(value({ severity: 'sedang', score: 1 }));
    // …unless the lighter one is widely seen too, by someone with a confirmed case.
    expect(value({ severity: 'sedang', score: 1, reach: 10_000, confirmedCases: 1 })).toBeGreaterThan(value({ severity: 'berat', score: 0.5 }));
    expect(value({ severity: 'ringan' })).toBeGreaterThan(value({ severity: null, score: 1 }));
  });

  it('separates items of one severity by score, reach and the civil servant\'s record', () => {
    const values = [
      value({}),
      value({ score: 0.95 }),
      value({ reach: 12 }),
      value({ reach: 3_000 }),
      value({ otherWaiting: 1 }),
      value({ confirmedCases: 1 }),
    ];
    expect(new Set(values).size).toBe(values.length);
    expect(value({ reach: 3_000 })).toBeGreaterThan(value({ reach: 12 }));
    expect(value({ confirmedCases: 1 })).toBeGreaterThan(value({ otherWaiting: 3 }));
  });

  it('caps every part and says what each adds', () => {
    const top = reviewPriority({ score: 1.7, severity: 'berat', reach: 5_000_000, confirmedCases: 9, otherWaiting: 40 });
    expect(top.parts).toEqual({ severity: 3, score: 1, reach: 1, repeat: 1 });
    expect(top.value).toBe(6);
    const some = reviewPriority({ score: 0.876, severity: 'ringan', reach: 99, confirmedCases: 0, otherWaiting: 2 });
    expect(some.parts).toEqual({ severity: 1, score: 0.88, reach: 0.5, repeat: 0.2 });
    expect(some.value).toBe(2.58);
    expect(reviewPriority({ ...base, reach: -5 }).parts.reach).toBe(0);
  });
});
