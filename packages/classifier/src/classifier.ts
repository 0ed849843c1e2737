import { defaultData, type ClassifierData } from './data.js';
import { decide, type Decision } from './decide.js';
import type { CandidateDirectory } from './directory/directory.js';
import { indexDirectory } from './directory/directory-index.js';
import { toEvidence } from './evidence.js';
import { createJudge } from './judge.js';
import { modelFeatures } from './model/features.js';
import { modelEvidence, modelSummary } from './model/model-evidence.js';
import { createModelScorer } from './model/score-model.js';
import { verdict } from './score.js';
import { createTokeniser } from './text/tokenise.js';
import type { TextsByRef } from './evidence.js';
import type { ClassificationResult, Classifier, ClassifierInput } from './types.js';
import { classifierVersion } from './version.js';

export interface ClassifierOptions {
  directory: CandidateDirectory;
  /** Defaults to the reviewed files under packages/classifier/data. */
  data?: ClassifierData;
}

/**
 * Builds a pure classifier: no I/O, the same input always gives the same result.
 * normalise -> rules (judge.ts) -> learned model over the same tokens -> one calibrated score
 * (decide.ts) -> evidence for every code.
 */
export function createClassifier(options: ClassifierOptions): Classifier {
  const data = options.data ?? defaultData;
  const tokenise = createTokeniser(data.normalisation);
  const index = indexDirectory(options.directory, tokenise, data.lexicon);
  const judge = createJudge(data, index, tokenise);
  const { model } = data;
  const scoreModel = model && createModelScorer(model);

  function classify(input: ClassifierInput): ClassificationResult {
    const judgement = judge(input);
    const texts: TextsByRef = { text: input.text, target: input.targetText ?? '' };
    input.mediaTexts?.forEach((words, i) => (texts[`media:${i}`] = words));
    let decision: Decision = { flagged: false, ...verdict(judgement.findings, data.rules) };
    decision.flagged = decision.codes.length > 0;
    const modelScore = scoreModel?.(modelFeatures(judgement.modelViews));
    const summary = model && modelScore && modelSummary(model.version, decision.score, modelScore, texts);
    if (model && modelScore) decision = decide(judgement, input.kind, data.rules, model, modelScore);

    const evidence = judgement.findings
      .filter((f) => f.weight > 0 || f.notes.length > 0)
      .sort((a, b) => b.weight - a.weight)
      .map((f) => toEvidence(f, texts, decision.codes, data.rules));
    if (decision.modelCode && summary && modelScore) evidence.unshift(modelEvidence(decision.modelCode, decision.score, summary, modelScore, texts, data.rules));
    const result: ClassificationResult = { flagged: decision.flagged, score: decision.score, codes: decision.codes, severity: decision.severity, evidence };
    if (input.id !== undefined) result.id = input.id;
    if (judgement.exception) result.exception = judgement.exception;
    if (summary) result.model = decision.modelNote ? { ...summary, note: decision.modelNote } : summary;
    return result;
  }

  return { version: classifierVersion(data, options.directory), classify };
}
