import type { ViolationCode } from '@netra/core';
import type { ClassifierInput } from '../types.js';

/** One line of a labelled corpus: an input and the codes a careful reviewer gives it ([] = neutral). */
export interface LabelledExample {
  id: string;
  input: ClassifierInput;
  expectedCodes: ViolationCode[];
  /** Where the line comes from ('handwritten', 'nusax-senti-id', 'review'): provenance per line. */
  source: string;
  /** How the line is written ('headline', 'question', 'evasive'...), for figures per register. */
  register?: string;
}
