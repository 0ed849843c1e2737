import { createClassifier, defaultData, tokeniser } from '@netra/classifier';
import { loadNationalDirectory } from '@netra/classifier/candidates-csv';
import { secondsSince } from './bench-database.js';
import { round } from './store-posts.js';

const goalPostsPerCpuSecond = 25_000;
const goalTimesPlainSplit = 10;

/**
 * Posts per CPU-second, in-process on one core, over real Indonesian text (NusaX), for the whole
 * classifier (rules + model + calibration + evidence). The anchor, measured in the same run over
 * the same posts, is code we did not write: lowercase and split on anything that is not a letter
 * or digit. Netra's own tokeniser is shown beside it, but it is not the floor: it is part of what
 * is measured.
 */
export function benchClassifier(texts: string[], total: number) {
  // The national 2024 candidate data, as the classify CLI reads it by default.
  const classifier = createClassifier({ directory: loadNationalDirectory() });
  const tokenise = tokeniser(defaultData.normalisation);
  const inputs = texts.map((text) => ({ text, kind: 'post' as const, regionCode: '31', postedAt: '2024-10-01T08:00:00Z' }));
  // Warm up every path (stem caches, the JIT), so each figure is the steady state a worker runs at.
  for (const input of inputs) classifier.classify(input);
  for (const text of texts) plainSplit(text);

  let plainTokens = 0;
  const plain = timed(() => {
    for (let i = 0; i < total; i++) plainTokens += plainSplit(texts[i % texts.length]!).length;
  });
  let tokens = 0;
  const netraTokeniser = timed(() => {
    for (let i = 0; i < total; i++) tokens += tokenise(texts[i % texts.length]!).tokens.length;
  });
  let flagged = 0;
  const whole = timed(() => {
    for (let i = 0; i < total; i++) if (classifier.classify(inputs[i % inputs.length]!).flagged) flagged++;
  });

  const rate = (figure: Timed) => ({
    wall_seconds: round(figure.seconds),
    cpu_seconds: round(figure.cpuSeconds),
    posts_per_cpu_second: Math.round(total / figure.cpuSeconds),
  });
  const timesPlain = whole.cpuSeconds / plain.cpuSeconds;
  const perCpuSecond = total / whole.cpuSeconds;
  return {
    version: classifier.version,
    posts: total,
    anchor_plain_split: { ...rate(plain), tokens_per_post: round(plainTokens / total, 1) },
    netra_tokeniser: { ...rate(netraTokeniser), tokens_per_post: round(tokens / total, 1), times_the_plain_split: round(netraTokeniser.cpuSeconds / plain.cpuSeconds, 1) },
    classifier: { ...rate(whole), times_the_plain_split: round(timesPlain, 1) },
    goal: `≥ ${goalPostsPerCpuSecond} posts/CPU-s and ≤ ${goalTimesPlainSplit}× the plain split`,
    goal_met: perCpuSecond >= goalPostsPerCpuSecond && timesPlain <= goalTimesPlainSplit,
    flagged_of_nusax: flagged / Math.ceil(total / inputs.length),
  };
}

/** What anyone would write first: lowercase, split on non-letters and non-digits. */
function plainSplit(text: string): string[] {
  return text.toLowerCase().split(/[^\p{L}\p{N}]+/u);
}

interface Timed {
  seconds: number;
  cpuSeconds: number;
}

function timed(work: () => void): Timed {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  work();
  const used = process.cpuUsage(cpu);
  return { seconds: secondsSince(wall), cpuSeconds: (used.user + used.system) / 1e6 };
}
