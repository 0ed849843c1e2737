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
export type {
  CandidateRefSummary,
  ClassificationResult,
  Classifier,
  ClassifierInput,
  Evidence,
  EvidenceSource,
  InputKind,
} from './types.js';
