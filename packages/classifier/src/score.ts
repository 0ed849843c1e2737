import type { Severity, ViolationCode } from '@netra/core';
import { severityRank, violationCodes } from '@netra/core';
import type { RulesData } from './data.js';
import type { Finding } from './signals/finding.js';

/** Independent signals for one code combine as a noisy-or: two weak hints beat one. */
export function codeScores(findings: readonly Finding[]): Map<ViolationCode, number> {
  const misses = new Map<ViolationCode, number>();
  for (const f of findings) misses.set(f.code, (misses.get(f.code) ?? 1) * (1 - f.weight));
  return new Map([...misses].map(([code, miss]) => [code, 1 - miss]));
}

export interface Verdict {
  score: number;
  codes: ViolationCode[];
  severity: Severity | null;
}

export function verdict(findings: readonly Finding[], rules: RulesData): Verdict {
  const scores = codeScores(findings);
  const codes = withoutSubsumed(
    violationCodes.filter((code) => (scores.get(code) ?? 0) >= rules.flagThreshold),
    rules,
  );
  codes.sort((a, b) => scores.get(b)! - scores.get(a)!);
  const score = Math.max(0, ...scores.values());
  return { score: Math.round(score * 1000) / 1000, codes, severity: suggestedSeverity(codes, rules) };
}

/** Drops a code when a more specific flagged code already covers it (rules.json 'subsumes'). */
export function withoutSubsumed(codes: readonly ViolationCode[], rules: RulesData): ViolationCode[] {
  return codes.filter((code) => {
    const by = rules.subsumes[code];
    return !Array.isArray(by) || !by.some((specific) => codes.includes(specific));
  });
}

/** A photo with a candidate is heavy when a partisan symbol or attribute shows with it. */
export function severityOf(code: ViolationCode, flagged: readonly ViolationCode[], rules: RulesData): Severity {
  const rule = rules.codes[code];
  const withSymbol = flagged.includes('number_symbol') || flagged.includes('party_attribute');
  return withSymbol && rule.severityWithSymbol ? rule.severityWithSymbol : rule.severity;
}

/** The heaviest suggested severity among the flagged codes. */
export function suggestedSeverity(codes: readonly ViolationCode[], rules: RulesData): Severity | null {
  let heaviest: Severity | null = null;
  for (const code of codes) {
    const severity = severityOf(code, codes, rules);
    if (heaviest === null || severityRank[severity] > severityRank[heaviest]) heaviest = severity;
  }
  return heaviest;
}
