import type { ViolationCode } from '@netra/core';
import type { DemoCandidate } from '../candidates.js';

/** A post as the demo writes it, with the ground-truth codes a careful reviewer would give. */
export interface LabelledText {
  text: string;
  codes: ViolationCode[];
  /** Alt text of attached photos: captions matter for photo-with-candidate cases. */
  media?: string[];
  note?: string;
}

/** Words a template can use about the candidate it points to. */
export interface CandidateSlots {
  candidate: DemoCandidate;
  /** Ballot number, for pairs. */
  n: number;
  /** The finger salute for the number: ☝️ ✌️ 🤟. */
  finger: string;
  /** 'satu' | 'dua' | 'tiga'. */
  jari: string;
  alias: string;
  name: string;
  tag: string;
  handle: string;
  voteDay: string;
  place: string;
}

export type CandidateTemplate = (s: CandidateSlots) => LabelledText;

/**
 * A neutral text, optionally tied to a region ('31', '35.73'), to a day ('YYYY-MM-DD'), or to the
 * campaign period of an election of candidates.csv (a debate is talked about during its campaign).
 */
export interface EverydayText {
  text: string;
  region?: string;
  on?: string;
  during?: 'pilpres-2024' | 'pilgub-dki-2024';
  media?: string[];
}
