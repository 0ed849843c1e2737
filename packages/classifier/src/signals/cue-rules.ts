import type { CueRule } from '../data.js';
import type { Cue, Cues } from './cues.js';
import type { Finding } from './finding.js';

/**
 * Data-driven co-occurrence rules: a rule fires where a cue of its first category has a cue of
 * every other `all` category, and of one `any` category, within `window` sentences (hashtags
 * count everywhere). One finding per code and sentence, from the first rule that fires (stronger
 * rules come first): repeating a word, or a second rule seeing the same words, is not more evidence.
 */
export function evaluateCueRules(rules: readonly CueRule[], cues: Cues, window: number): Finding[] {
  const findings: Finding[] = [];
  const fired = new Set<string>();
  for (const rule of rules) {
    const [triggerCategory, ...others] = rule.all;
    for (const trigger of cues.get(triggerCategory!) ?? []) {
      const sentenceKey = `${rule.code}:${trigger.global ? -1 : trigger.sentence}`;
      if (fired.has(sentenceKey)) continue;
      const parts = [trigger];
      for (const category of others) {
        const near = nearest(cues.get(category), trigger, window);
        if (!near) break;
        parts.push(near);
      }
      if (parts.length !== rule.all.length) continue;
      if (rule.any) {
        const near = rule.any.map((category) => nearest(cues.get(category), trigger, window)).find((cue) => cue !== undefined);
        if (!near) continue;
        parts.push(near);
      }
      fired.add(sentenceKey);
      const finding: Finding = { code: rule.code, weight: rule.weight, cues: parts, source: 'text', notes: rule.note ? [rule.note] : [] };
      const candidate = parts.find((cue) => cue.candidate)?.candidate;
      if (candidate) finding.candidate = candidate;
      findings.push(finding);
    }
  }
  return findings;
}

export function nearest(candidates: readonly Cue[] | undefined, anchor: Cue, window: number): Cue | undefined {
  let best: Cue | undefined;
  let bestDistance = Infinity;
  for (const cue of candidates ?? []) {
    if (!cue.global && !anchor.global && Math.abs(cue.sentence - anchor.sentence) > window) continue;
    const distance = Math.abs(cue.at - anchor.at);
    if (distance < bestDistance) {
      best = cue;
      bestDistance = distance;
    }
  }
  return best;
}
