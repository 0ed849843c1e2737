/**
 * The learned component, as committed in data/model.json by `npm run -s classifier -- retrain`:
 * natural's naive Bayes parameters reduced to one log-likelihood ratio per feature, and the
 * calibration that merges the model with the rules into one score.
 */
export interface ModelData {
  /** 'nb-<8 hex of the parameters>': part of the classifier version. */
  version: string;
  about: string;
  trainedOn: { examples: number; partisan: number; neutral: number; sources: Record<string, number> };
  /** log P(partisan) / P(neutral) before any feature. */
  bias: number;
  /** Per feature: log P(f | partisan) / P(f | neutral), as natural's BayesClassifier counts them. */
  weights: Record<string, number>;
  calibration: Calibration;
  /** Out-of-fold figures on the training split, from the retrain run. */
  crossValidation?: { precision: number; recall: number; falseFlagRate: number };
}

/** score = sigmoid(rule * logit(rule score) + model * model log-odds + bias). */
export interface Calibration {
  rule: number;
  model: number;
  bias: number;
  /** A calibrated score at or above this flags. */
  threshold: number;
}
