import { createRequire } from 'node:module';

/**
 * natural's BayesClassifier, loaded as a single submodule (the package index prints a banner and
 * loads dotenv). It trains on arrays of our own features (natural's own tokenisers mangle
 * Indonesian posts) and is then reduced to one log-likelihood ratio per feature, which is all
 * inference needs.
 */
const require = createRequire(import.meta.url);
const BayesClassifier = require('natural/lib/natural/classifiers/bayes_classifier.js') as new () => NaturalBayes;

export interface NaturalBayes {
  addDocument(features: string[], label: string): void;
  train(): void;
  getClassifications(features: string[]): Array<{ label: string; value: number }>;
  features: Record<string, number>;
  classifier: { classFeatures: Record<string, Record<number, number>>; classTotals: Record<string, number>; smoothing: number };
}

export const partisanLabel = 'partisan';
export const neutralLabel = 'neutral';

export interface NaiveBayesParameters {
  bias: number;
  weights: Record<string, number>;
}

export function trainNaturalBayes(docs: ReadonlyArray<{ features: string[]; partisan: boolean }>): NaturalBayes {
  const bayes = new BayesClassifier();
  for (const doc of docs) bayes.addDocument(doc.features, doc.partisan ? partisanLabel : neutralLabel);
  bayes.train();
  return bayes;
}

/**
 * natural scores a class as prior * prod over present features of count/total (a feature never
 * seen with the class counts `smoothing`); the log of the ratio of the two classes is therefore
 * the log prior ratio plus one term per present feature.
 */
export function naiveBayesParameters(bayes: NaturalBayes): NaiveBayesParameters {
  const { classFeatures, classTotals, smoothing } = bayes.classifier;
  const yes = classFeatures[partisanLabel] ?? {};
  const no = classFeatures[neutralLabel] ?? {};
  const yesTotal = classTotals[partisanLabel] ?? 1;
  const noTotal = classTotals[neutralLabel] ?? 1;
  const weights: Record<string, number> = {};
  Object.keys(bayes.features).forEach((name, i) => {
    const weight = Math.log((yes[i] ?? smoothing) / yesTotal) - Math.log((no[i] ?? smoothing) / noTotal);
    weights[name] = Math.round(weight * 1e4) / 1e4;
  });
  return { bias: Math.log(yesTotal / noTotal), weights };
}
