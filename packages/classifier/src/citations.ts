import type { ViolationCode } from '@netra/core';
import rulesJson from '../data/rules.json' with { type: 'json' };

/**
 * The regulation each code may breach, as rules.json words it: in Bahasa Indonesia (what the
 * evidence stores and the agency receives) or summarised in English for the English workspace.
 * Its own entry point, so the review service reads the citations without loading the classifier.
 */
export function citationOf(code: ViolationCode, lang: 'id' | 'en' = 'id'): string {
  const rule = rulesJson.codes[code];
  return lang === 'id' ? rule.rule : rule.ruleEn;
}
