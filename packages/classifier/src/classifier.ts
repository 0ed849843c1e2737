import { createAnalyser, type AnalysisContext } from './analyse.js';
import { defaultData, type ClassifierData } from './data.js';
import type { CandidateDirectory } from './directory/directory.js';
import { indexDirectory, type DirectoryIndex, type IndexedCandidate } from './directory/directory-index.js';
import { toEvidence } from './evidence.js';
import { verdict } from './score.js';
import { engagementFindings } from './signals/engagement.js';
import { applySpouseException } from './signals/spouse-exception.js';
import { createTokeniser } from './text/tokenise.js';
import type { ClassificationResult, Classifier, ClassifierInput, InputKind } from './types.js';
import { classifierVersion } from './version.js';

export interface ClassifierOptions {
  directory: CandidateDirectory;
  /** Defaults to the reviewed files under packages/classifier/data. */
  data?: ClassifierData;
}

// Kinds whose own text is the shared content when no target text is given.
const sharing = new Set<InputKind>(['share', 'repost']);

/** Builds a pure classifier: no I/O, the same input always gives the same result. */
export function createClassifier(options: ClassifierOptions): Classifier {
  const data = options.data ?? defaultData;
  const tokenise = createTokeniser(data.normalisation);
  const index = indexDirectory(options.directory, tokenise, data.lexicon);
  const analyse = createAnalyser(data, index, tokenise);

  function classify(input: ClassifierInput): ClassificationResult {
    const context: AnalysisContext = { regionCode: input.regionCode, postedOn: input.postedAt?.slice(0, 10) };
    const textIsShared = sharing.has(input.kind) && input.targetText === undefined;
    const own = input.text.trim() === '' ? undefined : analyse(input.text, context, 'text');
    const target = input.targetText !== undefined ? analyse(input.targetText, context, 'target') : textIsShared ? own : undefined;

    const findings = textIsShared ? [] : [...(own?.findings ?? [])];
    const exception = own && applySpouseException(findings, own.cues, spouseOf(index, input));
    findings.push(
      ...engagementFindings({ kind: input.kind, own: textIsShared ? undefined : own, target, targetAuthorIsCandidate: input.targetAuthorIsCandidate ?? false }, data.rules),
    );

    const { score, codes, severity } = verdict(findings, data.rules);
    const texts = { text: input.text, target: input.targetText ?? '' };
    const evidence = findings
      .filter((f) => f.weight > 0 || f.notes.length > 0)
      .sort((a, b) => b.weight - a.weight)
      .map((f) => toEvidence(f, texts, codes, data.rules));
    const result: ClassificationResult = { flagged: codes.length > 0, score, codes, severity, evidence };
    if (input.id !== undefined) result.id = input.id;
    if (exception) result.exception = exception;
    return result;
  }

  return { version: classifierVersion(data, options.directory), classify };
}

function spouseOf(index: DirectoryIndex, input: ClassifierInput): IndexedCandidate | undefined {
  if (input.spouseCandidateId !== undefined) return index.byId.get(input.spouseCandidateId);
  if (input.spouseCandidateLabel !== undefined) return index.byLabel.get(input.spouseCandidateLabel);
  return undefined;
}
