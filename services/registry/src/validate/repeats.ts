import { reject } from '../rejection.js';

/**
 * A natural key that may appear on several rows of one file (a person with two accounts, an
 * election with three pairs), and the values every such row must repeat identically. Without
 * this, two rows disagreeing about one person would each overwrite the other on every run, and
 * importing the same file twice would not be a no-op.
 */
export interface RepeatRule<Row> {
  /** Names the key in reasons, e.g. "NIP 198503122010031001". */
  key(row: Row): string;
  /** The values, by CSV column name, that every row with this key must agree on. */
  shared(row: Row): Record<string, unknown>;
}

interface FirstSeen {
  line: number;
  /** The shared values as JSON: one compact string per key, since a national file has millions. */
  shared: string;
}

/** Remembers, per key, the first imported row, and rejects later rows that contradict it. */
export class RepeatGuard<Row> {
  private readonly tracked: Array<{ rule: RepeatRule<Row>; firstSeen: Map<string, FirstSeen> }>;

  constructor(rules: readonly RepeatRule<Row>[]) {
    this.tracked = rules.map((rule) => ({ rule, firstSeen: new Map() }));
  }

  check(row: Row): void {
    for (const { rule, firstSeen } of this.tracked) {
      const key = rule.key(row);
      const first = firstSeen.get(key);
      const shared = rule.shared(row);
      if (!first || first.shared === JSON.stringify(shared)) continue;
      const earlierValues = JSON.parse(first.shared) as Record<string, unknown>;
      for (const [column, value] of Object.entries(shared)) {
        const earlier = JSON.stringify(earlierValues[column]);
        if (earlier !== JSON.stringify(value)) {
          reject(`${key} appears on line ${first.line} with ${column} ${earlier}, here ${JSON.stringify(value)}`);
        }
      }
    }
  }

  /** Called only for imported rows: a rejected row sets no precedent. */
  remember(row: Row, line: number): void {
    for (const { rule, firstSeen } of this.tracked) {
      const key = rule.key(row);
      if (!firstSeen.has(key)) firstSeen.set(key, { line, shared: JSON.stringify(rule.shared(row)) });
    }
  }
}
