import type { Calibration } from './model-data.js';

// A rule score of exactly 0 or 1 would be an infinite logit; the clamps keep one signal from
// silencing the other, and bound the naive Bayes log-odds, which are overconfident by design.
const ruleFloor = 0.02;
const maxLogOdds = 15;

export interface CalibrationInputs {
  ruleScore: number;
  logOdds: number;
}

export function calibrationFeatures({ ruleScore, logOdds }: CalibrationInputs): [number, number] {
  const r = Math.min(1 - ruleFloor, Math.max(ruleFloor, ruleScore));
  return [Math.log(r / (1 - r)), Math.max(-maxLogOdds, Math.min(maxLogOdds, logOdds))];
}

export function calibratedScore(inputs: CalibrationInputs, calibration: Calibration): number {
  const [rule, model] = calibrationFeatures(inputs);
  return sigmoid(calibration.rule * rule + calibration.model * model + calibration.bias);
}

export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/**
 * Fits the three calibration parameters by logistic regression (Newton's method with a little L2,
 * so a separable training set still gives finite weights) on out-of-fold model log-odds and rule
 * scores: the combined score is then a probability the held-out data can check.
 */
export function fitCalibration(samples: readonly (CalibrationInputs & { partisan: boolean })[], threshold = 0.5): Calibration {
  const xs = samples.map((s) => [...calibrationFeatures(s), 1] as const);
  const ys = samples.map((s) => (s.partisan ? 1 : 0));
  const w = [1, 0.1, 0];
  const l2 = 0.01;
  for (let iteration = 0; iteration < 50; iteration++) {
    const gradient = [l2 * w[0]!, l2 * w[1]!, 0];
    const hessian = [
      [l2, 0, 0],
      [0, l2, 0],
      [0, 0, 1e-9],
    ];
    xs.forEach((x, i) => {
      const p = sigmoid(x[0] * w[0]! + x[1] * w[1]! + x[2] * w[2]!);
      for (let a = 0; a < 3; a++) {
        gradient[a]! += (p - ys[i]!) * x[a]!;
        for (let b = 0; b < 3; b++) hessian[a]![b]! += p * (1 - p) * x[a]! * x[b]!;
      }
    });
    const step = solve3(hessian, gradient);
    for (let a = 0; a < 3; a++) w[a]! -= step[a]!;
    if (Math.hypot(...step) < 1e-9) break;
  }
  const round = (n: number) => Math.round(n * 1e6) / 1e6;
  return { rule: round(w[0]!), model: round(w[1]!), bias: round(w[2]!), threshold };
}

/** Gaussian elimination for the 3x3 Newton step. */
function solve3(matrix: number[][], vector: number[]): number[] {
  const m = matrix.map((row, i) => [...row, vector[i]!]);
  for (let col = 0; col < 3; col++) {
    const pivot = m.slice(col).reduce((best, row, k) => (Math.abs(row[col]!) > Math.abs(m[best]![col]!) ? col + k : best), col);
    [m[col], m[pivot]] = [m[pivot]!, m[col]!];
    for (let row = 0; row < 3; row++) {
      if (row === col) continue;
      const factor = m[row]![col]! / m[col]![col]!;
      for (let k = col; k < 4; k++) m[row]![k]! -= factor * m[col]![k]!;
    }
  }
  return m.map((row, i) => row[3]! / row[i]!);
}
