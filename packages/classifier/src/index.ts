export { createClassifier, type ClassifierOptions } from './classifier.js';
export { defaultData, type ClassifierData } from './data.js';
export {
  buildCandidateDirectory,
  type Candidate,
  type CandidateDirectory,
  type CandidateRow,
  type Election,
  type ElectionKind,
  type ElectionRow,
} from './directory/directory.js';
export { classifierVersion } from './version.js';
/** The tokeniser every classification starts with: exported for the benchmark's floor. */
export { createTokeniser as tokeniser } from './text/tokenise.js';
export { evaluate, type CodeFigures, type EvaluationReport, type Scored } from './evaluation/metrics.js';
export type { LabelledExample } from './model/labelled-example.js';
export type { ModelData } from './model/model-data.js';
export { trainModel, type TrainOptions } from './model/train.js';
export type {
  CandidateRefSummary,
  ClassificationResult,
  Classifier,
  ClassifierInput,
  Evidence,
  EvidenceSource,
  InputKind,
  KnownImageMatch,
  ModelSummary,
} from './types.js';
