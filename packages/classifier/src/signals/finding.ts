import type { ViolationCode } from '@netra/core';
import type { IndexedCandidate } from '../directory/directory-index.js';
import type { TextRef } from '../types.js';
import type { Cue } from './cues.js';

/** A signal before it is dressed as evidence: which code, how strong, and which words show it. */
export interface Finding {
  code: ViolationCode;
  weight: number;
  /** The pieces of text that, together, make the signal. */
  cues: Cue[];
  source: TextRef;
  candidate?: IndexedCandidate;
  symbol?: string;
  /** The campaign's own image this image copies. */
  knownImage?: { sha256: string | null; postUrl: string | null; distance: number };
  /**
   * Weak evidence the model alone may not carry: a bare hand gesture (✌️ is an everyday pose) or a
   * refused vote ('jangan coblos 02' is against the pair).
   */
  weakAlone?: boolean;
  notes: string[];
}
