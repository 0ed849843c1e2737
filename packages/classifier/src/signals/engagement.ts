import type { ViolationCode } from '@netra/core';
import type { Analysis } from '../analyse.js';
import type { RulesData } from '../data.js';
import { codeScores } from '../score.js';
import type { InputKind } from '../types.js';
import type { Cue } from './cues.js';
import type { Finding } from './finding.js';

const doneTo: Partial<Record<InputKind, string>> = { like: 'disukai', share: 'dibagikan', repost: 'dibagikan ulang' };

const engagementCode: Partial<Record<InputKind, ViolationCode>> = {
  like: 'support_like',
  share: 'support_share',
  repost: 'support_share',
  comment: 'support_comment',
  reply: 'support_comment',
};

export interface EngagementInput {
  kind: InputKind;
  /** The ASN's own words (a comment, a quote); undefined when there are none to judge. */
  own: Analysis | undefined;
  /** The post engaged with. */
  target: Analysis | undefined;
  targetAuthorIsCandidate: boolean;
}

/**
 * An engagement is judged by what it touches: a like or share of a candidate's campaign post is
 * support, a like of a ministry announcement is not. A comment is support when it carries campaign
 * content itself, or cheers ('mantap, lanjutkan 💪') under a campaign post.
 */
export function engagementFindings(input: EngagementInput, rules: RulesData): Finding[] {
  const code = engagementCode[input.kind];
  if (!code) return [];
  const weights = rules.engagement;
  const target = input.target && strongest(input.target, rules);
  const targetIsCampaign = target !== undefined || (input.targetAuthorIsCandidate && input.target?.neutrality === undefined);

  if (code === 'support_comment') {
    const own = input.own && strongest(input.own, rules);
    if (own) return [{ ...carry(own, code, weights.commentOwnContentWeight), notes: ['komentarnya sendiri mendukung calon'] }];
    const cheer = input.own && firstCue(input.own, ['cheer', 'campaignAction']);
    if (!cheer || !targetIsCampaign || input.own?.neutrality) return [];
    const finding: Finding = { code, weight: weights.commentCheerWeight, cues: [cheer], source: 'text', notes: ['komentar mendukung pada postingan kampanye'] };
    if (target?.candidate) finding.candidate = target.candidate;
    return [finding];
  }

  if (target) return [{ ...carry(target, code, weights.targetCampaignWeight), notes: [`postingan yang ${doneTo[input.kind]} menunjukkan ${target.code}`] }];
  if (targetIsCampaign && input.target) {
    return [{ code, weight: weights.candidateAuthorWeight, cues: [], source: 'target', notes: ['postingan dari akun calon atau partai, tetapi tanpa konten kampanye'] }];
  }
  return [];
}

/** The strongest finding of a code that the analysis flags on its own. */
function strongest(analysis: Analysis, rules: RulesData): Finding | undefined {
  const scores = codeScores(analysis.findings);
  let best: Finding | undefined;
  for (const f of analysis.findings) {
    if ((scores.get(f.code) ?? 0) >= rules.flagThreshold && (!best || f.weight > best.weight)) best = f;
  }
  return best;
}

function carry(from: Finding, code: ViolationCode, weight: number): Finding {
  const finding: Finding = { code, weight, cues: from.cues, source: from.source, notes: [] };
  if (from.candidate) finding.candidate = from.candidate;
  if (from.symbol) finding.symbol = from.symbol;
  return finding;
}

function firstCue(analysis: Analysis, categories: readonly string[]): Cue | undefined {
  for (const category of categories) {
    const cue = analysis.cues.get(category)?.[0];
    if (cue) return cue;
  }
  return undefined;
}
