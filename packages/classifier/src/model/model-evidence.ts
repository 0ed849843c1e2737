import type { ViolationCode } from '@netra/core';
import type { RulesData } from '../data.js';
import { severityOf } from '../score.js';
import { placeEvidence, type TextsByRef } from '../evidence.js';
import type { Evidence, ModelSummary } from '../types.js';
import { sigmoid } from './calibration.js';
import type { ModelScore } from './score-model.js';

const shownFeatures = 5;

/** What the model read in the post, for every result: its own probability and the words that weighed most. */
export function modelSummary(version: string, ruleScore: number, score: ModelScore, texts: TextsByRef): ModelSummary {
  return {
    version,
    probability: Math.round(sigmoid(score.logOdds) * 1000) / 1000,
    ruleScore: Math.round(ruleScore * 1000) / 1000,
    towardsPartisan: score.contributions
      .filter((c) => c.weight > 0)
      .slice(0, shownFeatures)
      .map(({ feature, weight }) => ({ feature: feature.name, text: (texts[feature.source] ?? '').slice(feature.start, feature.end), weight: Math.round(weight * 100) / 100 })),
  };
}

/** The evidence of a code the model named: the post's words that weigh towards partisan, with their spans. */
export function modelEvidence(code: ViolationCode, calibrated: number, summary: ModelSummary, score: ModelScore, texts: TextsByRef, rules: RulesData): Evidence {
  const [strongest] = score.contributions;
  const evidence: Evidence = {
    code,
    rule: rules.codes[code].rule,
    severity: severityOf(code, [code], rules),
    weight: calibrated,
    matchedText: summary.towardsPartisan.map((f) => f.text).join(' … '),
    source: 'text',
    note:
      `model terlatih ${summary.version}: tidak ada aturan yang mencapai ambang, tetapi skor terkalibrasi mencapainya (probabilitas model ${summary.probability}); ` +
      `kata yang paling condong ke partisan: ${summary.towardsPartisan.map((f) => `'${f.text}' (${f.feature}, +${f.weight})`).join(', ')}`,
  };
  if (strongest) {
    placeEvidence(evidence, strongest.feature.source);
    evidence.span = { start: strongest.feature.start, end: strongest.feature.end };
  }
  return evidence;
}
