import type { ViolationCode } from '@netra/core';
import type { RulesData } from './data.js';
import { severityOf } from './score.js';
import type { Finding } from './signals/finding.js';
import type { Evidence, TextRef } from './types.js';

/** The texts a classification read, by reference: 'text', 'target', 'media:0'... */
export type TextsByRef = Partial<Record<TextRef, string>>;

// Longer stretches are shown as their matched pieces rather than as the whole passage.
const maxQuote = 200;

/** Dresses a finding as evidence a reviewer can check against the captured text. */
export function toEvidence(finding: Finding, texts: TextsByRef, flagged: readonly ViolationCode[], rules: RulesData): Evidence {
  const text = texts[finding.source] ?? '';
  const start = Math.min(...finding.cues.map((c) => c.start));
  const end = Math.max(...finding.cues.map((c) => c.end));
  const evidence: Evidence = {
    code: finding.code,
    rule: rules.codes[finding.code].rule,
    severity: severityOf(finding.code, flagged, rules),
    weight: Math.round(finding.weight * 1000) / 1000,
    matchedText: '',
    source: 'text',
  };
  placeEvidence(evidence, finding.source);
  if (finding.cues.length === 0) {
    evidence.matchedText = quote(text);
  } else if (end - start <= maxQuote) {
    evidence.matchedText = text.slice(start, end);
    evidence.span = { start, end };
  } else {
    const pieces = [...finding.cues].sort((a, b) => a.start - b.start);
    evidence.matchedText = pieces.map((c) => quote(text.slice(c.start, c.end))).join(' … ');
    evidence.span = { start: pieces[0]!.start, end: pieces[0]!.end };
  }
  if (finding.symbol) evidence.symbol = finding.symbol;
  if (finding.knownImage) evidence.knownImage = finding.knownImage;
  if (finding.candidate) {
    const c = finding.candidate;
    evidence.candidate = { label: c.label, ballotNumber: c.ballotNumber, electionCode: c.election.code };
  }
  const note = [...(rules.codes[finding.code].note ? [rules.codes[finding.code].note!] : []), ...finding.notes].join('; ');
  if (note) evidence.note = note;
  return evidence;
}

/** Sets the public source of evidence found in `ref`: 'media:2' is source 'media', image 2. */
export function placeEvidence(evidence: Evidence, ref: TextRef): void {
  if (ref === 'text' || ref === 'target') {
    evidence.source = ref;
    return;
  }
  evidence.source = 'media';
  evidence.mediaIndex = Number(ref.slice('media:'.length));
}

function quote(text: string): string {
  return text.length <= maxQuote ? text : `${text.slice(0, maxQuote)}…`;
}
