import type { ClassifierData } from './data.js';
import type { ElectionKind } from './directory/directory.js';
import type { DirectoryIndex } from './directory/directory-index.js';
import { addCandidateRefs } from './signals/candidate-refs.js';
import { evaluateCueRules } from './signals/cue-rules.js';
import { hasCue, refCategories, type Cue, type Cues } from './signals/cues.js';
import type { Finding } from './signals/finding.js';
import { createLexiconMatcher } from './signals/lexicon-matcher.js';
import { applyNegation } from './signals/negation.js';
import { neutralityCue } from './signals/neutrality.js';
import { createNumberSymbolFinder } from './signals/number-symbol.js';
import { createRegisterReader, inReportingRegister, onlyReportsCandidates, type ReportingRegister } from './signals/register.js';
import type { Doc, Tokenise } from './text/tokenise.js';
import type { TextRef } from './types.js';

export interface AnalysisContext {
  regionCode: string | null | undefined;
  postedOn: string | undefined;
  /** A candidate's or party's own post: whatever its style, it is their campaign, never news. */
  byCampaign?: boolean;
}

/** Everything one text says: its tokens, cues, findings, and whether it is neutrality talk. */
export interface Analysis {
  doc: Doc;
  cues: Cues;
  findings: Finding[];
  neutrality: Cue | undefined;
  /** Set when the text only reports on candidates (news, reported speech, questions). */
  reportsOnly: string | undefined;
  /** Which input text this is, for evidence spans. */
  source: TextRef;
}

export type Analyse = (text: string, context: AnalysisContext, source: TextRef) => Analysis;

/** normalise -> tokenise/stem -> cues -> candidate references -> negation -> symbols -> rules -> damping (register, neutrality). */
export function createAnalyser(data: ClassifierData, index: DirectoryIndex, tokenise: Tokenise): Analyse {
  const { rules } = data;
  const matchLexicon = createLexiconMatcher(data.lexicon, tokenise);
  const findNumberSymbols = createNumberSymbolFinder(data.symbols, data.normalisation, index, rules.flagThreshold);
  const readRegister = createRegisterReader(data.lexicon.newsSites.hosts);
  const kindByWord = new Map<string, ElectionKind>();
  for (const [kind, words] of Object.entries(data.lexicon.electionKindHints)) {
    for (const word of words) kindByWord.set(word, kind as ElectionKind);
  }

  return function analyse(text, context, source) {
    const doc = tokenise(text);
    const cues = matchLexicon(doc);
    addCandidateRefs(doc, index, cues, context.regionCode);
    const negatedActions = applyNegation(cues);
    // Read only when something needs it: most posts name no candidate and find nothing.
    let register: ReportingRegister | undefined;
    let registerRead = context.byCampaign === true;
    const registerOf = (): ReportingRegister | undefined => {
      if (!registerRead) {
        registerRead = true;
        register = readRegister(doc, cues);
      }
      return register;
    };
    const kindHints = new Set<ElectionKind>();
    for (const token of doc.tokens) {
      const kind = kindByWord.get(token.norm);
      if (kind) kindHints.add(kind);
    }
    const named = new Set((cues.get(refCategories.named) ?? []).map((cue) => cue.candidate!));
    let findings = findNumberSymbols(doc, cues, { ...context, kindHints, named }, negatedActions, registerOf);
    findings.push(...evaluateCueRules(rules.cueRules, cues, rules.sentenceWindow));
    for (const finding of findings) finding.source = source;
    const refersToCandidate = hasCue(cues, refCategories.any);
    const reading = findings.length > 0 || refersToCandidate ? registerOf() : undefined;
    const reportsOnly = reading && refersToCandidate && onlyReportsCandidates(cues, reading) ? reading.reason : undefined;
    if (reading) {
      const damped = findings.filter((finding) => inReportingRegister(finding, reading));
      for (const finding of damped) {
        finding.weight *= rules.reportingDamping;
        finding.notes.push(reading.reason);
      }
      // News lists every pair's number: damped mentions must not add up to a flag.
      const kept = new Set(strongestPerCode(damped));
      findings = findings.filter((finding) => !damped.includes(finding) || kept.has(finding));
    }
    const neutrality = neutralityCue(cues);
    if (!neutrality) return { doc, cues, findings, neutrality, reportsOnly, source };
    // A long article about the rules names many violations; damp each code once, so that many
    // damped mentions cannot add up to a flag.
    const damped = strongestPerCode(findings);
    for (const finding of damped) {
      finding.weight *= rules.neutralityDamping;
      finding.notes.push(`terbaca sebagai ajakan netralitas ('${text.slice(neutrality.start, neutrality.end)}')`);
    }
    return { doc, cues, findings: damped, neutrality, reportsOnly, source };
  };
}

function strongestPerCode(findings: readonly Finding[]): Finding[] {
  const best = new Map<string, Finding>();
  for (const f of findings) {
    const current = best.get(f.code);
    if (!current || f.weight > current.weight) best.set(f.code, f);
  }
  return [...best.values()];
}
