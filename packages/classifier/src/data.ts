import type { Severity, ViolationCode } from '@netra/core';
import lexiconJson from '../data/lexicon.json' with { type: 'json' };
import normalisationJson from '../data/normalisation.json' with { type: 'json' };
import rulesJson from '../data/rules.json' with { type: 'json' };
import symbolsJson from '../data/symbols.json' with { type: 'json' };
import modelJson from '../data/model.json' with { type: 'json' };
import type { ModelData } from './model/model-data.js';

/**
 * The reviewed data files, typed. Loaded once with the module; the classifier's version hashes
 * exactly these objects, so an edit to any file is a new version.
 */

export interface CategoryTerms {
  words?: string[];
  stems?: string[];
  phrases?: string[];
}

export interface LexiconData {
  version: string;
  categories: Record<string, CategoryTerms>;
  electionKindHints: Record<string, string[]>;
  newsSites: { hosts: string[] };
  commonWordAliases: { words: string[] };
}

export interface NormalisationData {
  version: string;
  leet: Record<string, string>;
  slang: Record<string, string>;
  /** Read as ballot numbers only after 'nomor' or 'coblos' (see numberWordsAbout). */
  numberWords: Record<string, number>;
  salutes: Record<string, { fingers: number; name: string }>;
}

export interface SaluteAlias {
  fingers: number;
  electionCode: string;
  ballotNumbers: number[];
  note: string;
}

export interface SymbolWeights {
  markedNumber: number;
  hashtagNumber: number;
  paddedNumberWithAction: number;
  numberWithContext: number;
  numberAsReference: number;
  corroboratedBySalute: number;
  negatedMarker: number;
  numberAlone: number;
  salutePhrase: number;
  fingersWithContext: number;
  fingersAlone: number;
  emojiWithMatchingName: number;
  emojiWithContext: number;
  emojiAlone: number;
  unresolvedFactor: number;
  afterVoteFactor: number;
}

export interface SymbolsData {
  version: string;
  maxBallotNumber: number;
  numberFillers: string[];
  ballotMarkers: string[];
  /** Markers that name the pair rather than act for it ('paslon', 'nomor urut'): news writes them. */
  referenceMarkers: string[];
  /** Markers that make a number word ('telu', 'tilu') a ballot number. */
  numberWordMarkers: string[];
  /** Words after which a number is a date, not a ballot number ('02 Maret'). */
  monthsAfter: string[];
  notSymbolBefore: string[];
  unitsAfter: string[];
  saluteAliases: SaluteAlias[];
  saluteLead: string;
  /** Words before 'salam N jari' that talk about the salute or describe a pose ('gerakan', 'pose'). */
  saluteTalkBefore: string[];
  fingerWord: string;
  weights: SymbolWeights;
}

export interface CodeRule {
  severity: Severity;
  severityWithSymbol?: Severity;
  /** The citation in Bahasa Indonesia, as stored in evidence and sent to the agency. */
  rule: string;
  /** The same citation summarised in English, for the English workspace. */
  ruleEn: string;
  note?: string;
}

/** A cue rule: every `all` category, and one of `any`, near each other. '@…' are candidate refs. */
export interface CueRule {
  code: ViolationCode;
  all: string[];
  any?: string[];
  weight: number;
  note?: string;
}

export interface RulesData {
  version: string;
  flagThreshold: number;
  /** A rule code this strong may be named when the calibrated score, not the rule, flags. */
  modelAssistFloor: number;
  /** A rule score this strong is not lowered by the learned model. */
  strongRuleScore: number;
  neutralityDamping: number;
  /** News, reported speech, questions: the writer is not the one who supports. */
  reportingDamping: number;
  sentenceWindow: number;
  codes: Record<ViolationCode, CodeRule>;
  /** code -> the codes that, when flagged, make listing it redundant ('about' is a comment). */
  subsumes: Partial<Record<ViolationCode | 'about', ViolationCode[] | string>>;
  cueRules: CueRule[];
  engagement: {
    targetCampaignWeight: number;
    candidateAuthorWeight: number;
    commentCheerWeight: number;
    commentOwnContentWeight: number;
  };
  /** A copy of a campaign's own image (signals/known-image.ts). */
  knownImage: {
    /** At most this many of 64 hash bits apart: a copy on its own. */
    copyDistance: number;
    copyWeight: number;
    /** Up to this far apart, a copy only when the images' words agree too. */
    nearDistance: number;
    minSharedWords: number;
    backedWeight: number;
  };
}

export interface ClassifierData {
  lexicon: LexiconData;
  normalisation: NormalisationData;
  symbols: SymbolsData;
  rules: RulesData;
  /** The learned component; null runs the rules alone (as when training the next model). */
  model: ModelData | null;
}

export const defaultData: ClassifierData = {
  lexicon: lexiconJson as LexiconData,
  normalisation: normalisationJson as NormalisationData,
  symbols: symbolsJson as SymbolsData,
  rules: rulesJson as RulesData,
  model: modelJson as ModelData | null,
};
