import { createAnalyser, type Analysis, type AnalysisContext } from './analyse.js';
import type { ClassifierData } from './data.js';
import type { DirectoryIndex, IndexedCandidate } from './directory/directory-index.js';
import { engagementFindings } from './signals/engagement.js';
import { knownImageFindings } from './signals/known-image.js';
import type { Finding } from './signals/finding.js';
import { applySpouseException } from './signals/spouse-exception.js';
import type { Tokenise } from './text/tokenise.js';
import type { ClassifierInput, InputKind } from './types.js';

/** What the rules make of one input, before the learned model and the calibration weigh in. */
export interface Judgement {
  findings: Finding[];
  /** Set when the spouse exception shaped the findings. */
  exception: string | undefined;
  /**
   * The texts the learned model reads: the ASN's own words for a post or comment, the target for
   * a like, both for a share with words of its own.
   */
  modelViews: Analysis[];
  /** The engagement touches a candidate's or party's own post. */
  targetAuthorIsCandidate: boolean;
}

export type Judge = (input: ClassifierInput) => Judgement;

// Kinds whose own text is the shared content when no target text is given.
const sharing = new Set<InputKind>(['share', 'repost']);
// Kinds judged by what they touch, not by words of their own.
const byTarget = new Set<InputKind>(['like', 'share', 'repost']);

export function createJudge(data: ClassifierData, index: DirectoryIndex, tokenise: Tokenise): Judge {
  const analyse = createAnalyser(data, index, tokenise);

  return function judge(input) {
    const context: AnalysisContext = { regionCode: input.regionCode, postedOn: input.postedAt?.slice(0, 10) };
    const textIsShared = sharing.has(input.kind) && input.targetText === undefined;
    const own = input.text.trim() === '' ? undefined : analyse(input.text, context, 'text');
    const targetContext = input.targetAuthorIsCandidate ? { ...context, byCampaign: true } : context;
    const target = input.targetText !== undefined ? analyse(input.targetText, targetContext, 'target') : textIsShared ? own : undefined;

    // An image the ASN posted speaks as their own words do: a poster's slogan is their post's.
    const images = (input.mediaTexts ?? []).flatMap((words, i) => (words.trim() === '' ? [] : [analyse(words, context, `media:${i}`)]));
    const findings = textIsShared
      ? []
      : [...(own?.findings ?? []), ...images.flatMap((image) => image.findings), ...knownImageFindings(input.knownImages ?? [], index, data.rules)];
    const exception = own && applySpouseException(findings, own.cues, spouseOf(index, input));
    const targetAuthorIsCandidate = input.targetAuthorIsCandidate ?? false;
    findings.push(...engagementFindings({ kind: input.kind, own: textIsShared ? undefined : own, target, targetAuthorIsCandidate }, data.rules));

    const modelViews = byTarget.has(input.kind) ? [target, textIsShared ? undefined : own, ...images] : [own, ...images];
    return { findings, exception, modelViews: modelViews.filter((a) => a !== undefined), targetAuthorIsCandidate };
  };
}

function spouseOf(index: DirectoryIndex, input: ClassifierInput): IndexedCandidate | undefined {
  if (input.spouseCandidateId !== undefined) return index.byId.get(input.spouseCandidateId);
  if (input.spouseCandidateLabel !== undefined) return index.byLabel.get(input.spouseCandidateLabel);
  return undefined;
}
