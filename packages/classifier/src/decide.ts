import type { ViolationCode } from '@netra/core';
import { violationCodes } from '@netra/core';
import type { RulesData } from './data.js';
import type { Judgement } from './judge.js';
import { calibratedScore } from './model/calibration.js';
import type { ModelData } from './model/model-data.js';
import type { ModelScore } from './model/score-model.js';
import { codeScores, suggestedSeverity, withoutSubsumed, type Verdict } from './score.js';
import { refCategories } from './signals/cues.js';
import type { InputKind } from './types.js';

export interface Decision extends Verdict {
  flagged: boolean;
  /** The code the model named when no rule reached the threshold: its evidence is the model's. */
  modelCode?: ViolationCode;
  /** Why the model could not flag on its own, for the reviewer and for eval. */
  modelNote?: string;
}

// What a post the model finds partisan, but no rule can name, most plausibly is.
const modelOnlyCode: Record<InputKind, ViolationCode> = {
  post: 'campaign_content',
  repost: 'support_share',
  reply: 'support_comment',
  like: 'support_like',
  share: 'support_share',
  comment: 'support_comment',
};

/**
 * Rules and model become one calibrated score: sigmoid(a * logit(rule score) + b * model log-odds
 * + c), fitted on the training split. The score decides whether to flag; the rules name the codes.
 * When only the model is confident, it may name a weaker rule code, or the generic code of the
 * input's kind, but only for a text that refers to a candidate (or a candidate's own post) and
 * never against the spouse exception: the model does not overrule an exception the rules apply.
 */
export function decide(judgement: Judgement, kind: InputKind, rules: RulesData, model: ModelData, modelScore: ModelScore): Decision {
  const scores = codeScores(judgement.findings);
  const ruleScore = Math.max(0, ...scores.values());
  const { threshold } = model.calibration;
  // Explicit evidence a rule reads with confidence ('pakai mobil dinas jemput tim sukses X') is
  // not overruled by word statistics; the model may still raise it, and weigh the weaker rules.
  let score = calibratedScore({ ruleScore, logOdds: modelScore.logOdds }, model.calibration);
  if (ruleScore >= rules.strongRuleScore) score = Math.max(score, ruleScore);
  const ruleCodes = withoutSubsumed(violationCodes.filter((code) => (scores.get(code) ?? 0) >= rules.flagThreshold), rules);
  const byScore = (a: ViolationCode, b: ViolationCode) => scores.get(b)! - scores.get(a)!;
  let codes: ViolationCode[] = [];
  let modelCode: ViolationCode | undefined;
  let modelNote: string | undefined;

  if (score >= threshold && ruleCodes.length > 0) {
    codes = ruleCodes.sort(byScore);
  } else if (score >= threshold) {
    const refused = refusesModelOnlyFlag(judgement, kind);
    if (refused) {
      modelNote = refused;
      score = Math.min(score, threshold - 0.01);
    } else {
      const weaker = withoutSubsumed(violationCodes.filter((code) => (scores.get(code) ?? 0) >= rules.modelAssistFloor), rules).sort(byScore);
      codes = weaker.length > 0 ? weaker : [(modelCode = modelOnlyCode[kind])];
    }
  }
  const decision: Decision = { flagged: codes.length > 0, score: Math.round(score * 1000) / 1000, codes, severity: suggestedSeverity(codes, rules) };
  if (modelCode) decision.modelCode = modelCode;
  if (modelNote) decision.modelNote = modelNote;
  return decision;
}

// A comment is judged by its own words: the candidate's post it answers is context, not support.
const judgedByTarget = new Set<InputKind>(['like', 'share', 'repost']);

/** Why the model may not flag this on its own, or undefined when it may. */
function refusesModelOnlyFlag(judgement: Judgement, kind: InputKind): string | undefined {
  if (judgement.exception) return 'model saja tidak mengesampingkan pengecualian pasangan';
  if (judgement.modelViews.some((view) => view.neutrality)) return 'model saja tidak mengesampingkan ajakan netralitas';
  const touchesCandidatePost = judgedByTarget.has(kind) && judgement.targetAuthorIsCandidate;
  const reporting = judgement.modelViews.find((view) => view.reportsOnly);
  if (!touchesCandidatePost && reporting && !judgement.modelViews.some((view) => view !== reporting && view.cues.has(refCategories.any))) {
    return `model saja tidak menandai teks yang hanya memberitakan calon: ${reporting.reportsOnly}`;
  }
  // A written ballot number that resolves to a pair points at a candidate too, even when it is too
  // weak to flag alone ('02 semoga terwujud'); a bare gesture or a refused vote does not.
  const namesCandidate =
    judgement.modelViews.some((view) => (view.cues.get(refCategories.any)?.length ?? 0) > 0) ||
    judgement.findings.some((f) => f.code === 'number_symbol' && f.candidate !== undefined && !f.weakAlone);
  return touchesCandidatePost || namesCandidate ? undefined : 'model saja hanya menandai teks yang menyebut calon atau menunjukkan nomor urut';
}
