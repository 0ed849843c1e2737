import type { Feature } from './features.js';
import type { ModelData } from './model-data.js';

export interface Contribution {
  feature: Feature;
  weight: number;
}

export interface ModelScore {
  logOdds: number;
  /** The post's own features the model knows, strongest first. */
  contributions: Contribution[];
}

export type ScoreModel = (features: readonly Feature[]) => ModelScore;

/**
 * Sparse inference: natural's BayesClassifier.classify walks the whole vocabulary for every post;
 * the same log-odds is the bias plus the weights of the features the post has, so only those
 * are looked up (the equality is tested against natural itself).
 */
export function createModelScorer(model: Pick<ModelData, 'bias' | 'weights'>): ScoreModel {
  const weights = new Map(Object.entries(model.weights));
  return function scoreModel(features) {
    let logOdds = model.bias;
    const contributions: Contribution[] = [];
    for (const feature of features) {
      const weight = weights.get(feature.name);
      if (weight === undefined) continue;
      logOdds += weight;
      contributions.push({ feature, weight });
    }
    contributions.sort((a, b) => b.weight - a.weight);
    return { logOdds, contributions };
  };
}
