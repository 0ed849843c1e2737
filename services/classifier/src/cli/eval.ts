import { createClassifier, evaluate, type CandidateDirectory, type EvaluationReport, type LabelledExample } from '@netra/classifier';

export interface EvalRun {
  version: string;
  report: EvaluationReport;
  /** The lines it got wrong, for a person to read. */
  mistakes: Array<{ id: string; text: string; expected: string[]; predicted: string[] }>;
}

export function runEval(examples: readonly LabelledExample[], directory: CandidateDirectory): EvalRun {
  const classifier = createClassifier({ directory });
  const mistakes: EvalRun['mistakes'] = [];
  const scored = examples.map((example) => {
    const { codes } = classifier.classify(example.input);
    const expected = [...example.expectedCodes].sort();
    const predicted = [...codes].sort();
    if (expected.join() !== predicted.join()) mistakes.push({ id: example.id, text: example.input.targetText ?? example.input.text, expected, predicted });
    return example.register === undefined ? { expected, predicted } : { expected, predicted, register: example.register };
  });
  return { version: classifier.version, report: evaluate(scored), mistakes };
}

const pct = (n: number) => n.toFixed(3);

function registerRows(report: EvaluationReport): string[] {
  if (!report.perRegister) return [];
  return [
    '',
    `${'register'.padEnd(12)} ${'lines'.padStart(6)} ${'partisan'.padStart(8)} ${'recall(code)'.padStart(12)} ${'recall(any)'.padStart(11)} ${'neutral'.padStart(7)} ${'false flags'.padStart(11)}`,
    ...Object.entries(report.perRegister).map(
      ([register, f]) =>
        `${register.padEnd(12)} ${String(f.lines).padStart(6)} ${String(f.partisanLines).padStart(8)} ${(f.partisanLines ? pct(f.recallWithRightCode) : '-').padStart(12)} ${(f.partisanLines ? pct(f.recallFlagged) : '-').padStart(11)} ${String(f.neutralLines).padStart(7)} ${(f.neutralLines ? `${f.falseFlags} (${pct(f.falseFlagRate)})` : '-').padStart(11)}`,
    ),
  ];
}

/** A table a person can read in a terminal. */
export function formatReport({ version, report }: EvalRun): string {
  const row = (name: string, f: { support: number; precision: number; recall: number; f1: number }) =>
    `${name.padEnd(22)} ${String(f.support).padStart(7)} ${pct(f.precision).padStart(9)} ${pct(f.recall).padStart(7)} ${pct(f.f1).padStart(6)}`;
  return [
    `classifier ${version}`,
    `${report.lines} lines: ${report.partisanLines} labelled with codes, ${report.neutralLines} neutral`,
    '',
    `${'code'.padEnd(22)} ${'support'.padStart(7)} ${'precision'.padStart(9)} ${'recall'.padStart(7)} ${'F1'.padStart(6)}`,
    ...Object.entries(report.perCode).map(([code, f]) => row(code, f)),
    row('overall (micro)', report.overall),
    row('flagged at all', report.flagging),
    '',
    `false-flag rate on neutral lines: ${pct(report.falseFlagRate)} (${report.falseFlags} of ${report.neutralLines})`,
    ...registerRows(report),
  ].join('\n');
}
