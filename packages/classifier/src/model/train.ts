import { canonicalJson, sha256Hex } from '@netra/core';
import { defaultData, type ClassifierData } from '../data.js';
import type { CandidateDirectory } from '../directory/directory.js';
import { indexDirectory } from '../directory/directory-index.js';
import { createJudge } from '../judge.js';
import { codeScores } from '../score.js';
import { createTokeniser } from '../text/tokenise.js';
import { calibratedScore, fitCalibration } from './calibration.js';
import { modelFeatures } from './features.js';
import type { LabelledExample } from './labelled-example.js';
import type { ModelData } from './model-data.js';
import { naiveBayesParameters, trainNaturalBayes } from './naive-bayes.js';
import { createModelScorer } from './score-model.js';

export interface TrainOptions {
  directory: CandidateDirectory;
  /** The rules to combine with; any model in it is ignored (the new one replaces it). */
  data?: ClassifierData;
  folds?: number;
  /** Features seen in fewer training documents are dropped: one-off words are noise. */
  minDocumentFrequency?: number;
}

interface Doc {
  id: string;
  features: string[];
  partisan: boolean;
  ruleScore: number;
}

/**
 * Trains the learned component from labelled examples: natural's naive Bayes over our features,
 * then the calibration that merges it with the rules, fitted on out-of-fold model scores (a model
 * scoring its own training documents would look far surer than it is). Pure and deterministic:
 * the same corpus gives the same model and version.
 */
export function trainModel(examples: readonly LabelledExample[], options: TrainOptions): ModelData {
  const data = { ...(options.data ?? defaultData), model: null };
  const tokenise = createTokeniser(data.normalisation);
  const judge = createJudge(data, indexDirectory(options.directory, tokenise, data.lexicon), tokenise);
  const docs: Doc[] = examples.map((example) => {
    const judgement = judge(example.input);
    return {
      id: example.id,
      features: modelFeatures(judgement.modelViews).map((f) => f.name),
      partisan: example.expectedCodes.length > 0,
      ruleScore: Math.max(0, ...codeScores(judgement.findings).values()),
    };
  });
  const kept = frequentFeatures(docs, options.minDocumentFrequency ?? 2);
  for (const doc of docs) doc.features = doc.features.filter((f) => kept.has(f));

  const folds = options.folds ?? 5;
  const outOfFold = docs.map(() => 0);
  for (let fold = 0; fold < folds; fold++) {
    const inFold = (doc: Doc) => foldOf(doc.id, folds) === fold;
    const scorer = scorerFor(docs.filter((d) => !inFold(d)));
    docs.forEach((doc, i) => {
      if (inFold(doc)) outOfFold[i] = scorer(doc.features);
    });
  }
  const samples = docs.map((doc, i) => ({ ruleScore: doc.ruleScore, logOdds: outOfFold[i]!, partisan: doc.partisan }));
  const calibration = fitCalibration(samples);
  const parameters = naiveBayesParameters(trainNaturalBayes(docs));
  const sources: Record<string, number> = {};
  for (const example of examples) sources[example.source] = (sources[example.source] ?? 0) + 1;
  const partisan = docs.filter((d) => d.partisan).length;

  const flaggedOutOfFold = samples.map((s) => calibratedScore(s, calibration) >= calibration.threshold);
  const truePositives = samples.filter((s, i) => s.partisan && flaggedOutOfFold[i]).length;
  const falseFlags = samples.filter((s, i) => !s.partisan && flaggedOutOfFold[i]).length;
  const round = (n: number) => Math.round(n * 1000) / 1000;
  const body = { bias: round(parameters.bias), weights: parameters.weights, calibration };
  return {
    version: `nb-${sha256Hex(canonicalJson(body)).slice(0, 8)}`,
    about:
      "Written by 'npm run -s classifier -- retrain' (do not edit by hand). natural's BayesClassifier over normalised, stemmed features (packages/classifier/src/model/features.ts), reduced to per-feature log-likelihood ratios; calibration fitted on out-of-fold scores. Corpus and provenance: data/corpus/README.md.",
    trainedOn: { examples: docs.length, partisan, neutral: docs.length - partisan, sources },
    ...body,
    crossValidation: {
      precision: round(truePositives / Math.max(1, truePositives + falseFlags)),
      recall: round(truePositives / Math.max(1, partisan)),
      falseFlagRate: round(falseFlags / Math.max(1, docs.length - partisan)),
    },
  };
}

function scorerFor(docs: readonly Doc[]): (features: string[]) => number {
  const score = createModelScorer(naiveBayesParameters(trainNaturalBayes(docs)));
  // Training documents are feature names only: positions matter for evidence, not for scores.
  return (features) => score(features.map((name) => ({ name, start: 0, end: 0, source: 'text' }))).logOdds;
}

function frequentFeatures(docs: readonly Doc[], minimum: number): Set<string> {
  const counts = new Map<string, number>();
  for (const doc of docs) for (const f of doc.features) counts.set(f, (counts.get(f) ?? 0) + 1);
  return new Set([...counts].filter(([, n]) => n >= minimum).map(([f]) => f));
}

/** A stable fold per example id, so re-training the same corpus gives the same model. */
function foldOf(id: string, folds: number): number {
  return parseInt(sha256Hex(id).slice(0, 8), 16) % folds;
}
