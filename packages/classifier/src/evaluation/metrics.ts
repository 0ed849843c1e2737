import type { ViolationCode } from '@netra/core';
import { violationCodes } from '@netra/core';

export interface Scored {
  expected: readonly ViolationCode[];
  predicted: readonly ViolationCode[];
  /** How the line is written ('headline', 'question', 'evasive'...), when the corpus says. */
  register?: string;
}

/** Per register: what a reviewer would see of its partisan lines, and how many neutral ones are flagged. */
export interface RegisterFigures {
  lines: number;
  partisanLines: number;
  /** Partisan lines flagged with at least one of their expected codes. */
  recallWithRightCode: number;
  /** Partisan lines flagged at all. */
  recallFlagged: number;
  neutralLines: number;
  falseFlags: number;
  falseFlagRate: number;
}

export interface CodeFigures {
  support: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface EvaluationReport {
  lines: number;
  partisanLines: number;
  neutralLines: number;
  perCode: Partial<Record<ViolationCode, CodeFigures>>;
  /** Micro-averaged over every (line, code) pair. */
  overall: CodeFigures;
  /** Any flag vs. any expected code, per line: what decides whether a person sees the post. */
  flagging: CodeFigures;
  /** Share of lines with no expected code that were flagged anyway. */
  falseFlagRate: number;
  falseFlags: number;
  /** Present when lines carry a register. */
  perRegister?: Record<string, RegisterFigures>;
}

/** Precision, recall and F1 per code and overall, and the false-flag rate on neutral lines. */
export function evaluate(lines: readonly Scored[]): EvaluationReport {
  const counts = new Map<ViolationCode, { tp: number; fp: number; fn: number }>(violationCodes.map((c) => [c, { tp: 0, fp: 0, fn: 0 }]));
  const flagging = { tp: 0, fp: 0, fn: 0 };
  let neutralLines = 0;
  let falseFlags = 0;
  for (const { expected, predicted } of lines) {
    for (const code of violationCodes) {
      const count = counts.get(code)!;
      const wanted = expected.includes(code);
      const got = predicted.includes(code);
      if (wanted && got) count.tp++;
      else if (got) count.fp++;
      else if (wanted) count.fn++;
    }
    const partisan = expected.length > 0;
    const flagged = predicted.length > 0;
    if (partisan && flagged) flagging.tp++;
    else if (flagged) flagging.fp++;
    else if (partisan) flagging.fn++;
    if (!partisan) {
      neutralLines++;
      if (flagged) falseFlags++;
    }
  }
  const perCode: Partial<Record<ViolationCode, CodeFigures>> = {};
  const total = { tp: 0, fp: 0, fn: 0 };
  for (const [code, count] of counts) {
    total.tp += count.tp;
    total.fp += count.fp;
    total.fn += count.fn;
    if (count.tp + count.fp + count.fn > 0) perCode[code] = figures(count);
  }
  const report: EvaluationReport = {
    lines: lines.length,
    partisanLines: lines.length - neutralLines,
    neutralLines,
    perCode,
    overall: figures(total),
    flagging: figures(flagging),
    falseFlagRate: ratio(falseFlags, neutralLines),
    falseFlags,
  };
  if (lines.some((line) => line.register !== undefined)) report.perRegister = byRegister(lines);
  return report;
}

function byRegister(lines: readonly Scored[]): Record<string, RegisterFigures> {
  const groups = new Map<string, Scored[]>();
  for (const line of lines) {
    const key = line.register ?? '(none)';
    groups.set(key, [...(groups.get(key) ?? []), line]);
  }
  const result: Record<string, RegisterFigures> = {};
  for (const [register, group] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
    const partisan = group.filter((l) => l.expected.length > 0);
    const neutral = group.length - partisan.length;
    const falseFlags = group.filter((l) => l.expected.length === 0 && l.predicted.length > 0).length;
    result[register] = {
      lines: group.length,
      partisanLines: partisan.length,
      recallWithRightCode: ratio(partisan.filter((l) => l.predicted.some((c) => l.expected.includes(c))).length, partisan.length),
      recallFlagged: ratio(partisan.filter((l) => l.predicted.length > 0).length, partisan.length),
      neutralLines: neutral,
      falseFlags,
      falseFlagRate: ratio(falseFlags, neutral),
    };
  }
  return result;
}

function figures({ tp, fp, fn }: { tp: number; fp: number; fn: number }): CodeFigures {
  const precision = ratio(tp, tp + fp);
  const recall = ratio(tp, tp + fn);
  const f1 = precision + recall === 0 ? 0 : round((2 * precision * recall) / (precision + recall));
  return { support: tp + fn, truePositives: tp, falsePositives: fp, falseNegatives: fn, precision, recall, f1 };
}

// An empty denominator means nothing to get wrong: report 1 rather than NaN.
function ratio(a: number, b: number): number {
  return b === 0 ? 1 : round(a / b);
}

const round = (n: number) => Math.round(n * 1000) / 1000;
