import type { Analysis } from '../analyse.js';
import { refCategories } from '../signals/cues.js';
import type { EvidenceSource } from '../types.js';

/** One binary feature of a text, with where it first shows, so the model can explain itself. */
export interface Feature {
  name: string;
  start: number;
  end: number;
  source: EvidenceSource;
}

// Lexicon categories are the reviewed knowledge the model can lean on; candidate references and
// symbols are already features of their own below.
const isLexiconCategory = (category: string): boolean => !category.startsWith('@') && category !== 'symbol';

/**
 * The model's view of a text: normalised Sastrawi stems, the lexicon categories it matched,
 * number and emoji classes, and candidate references as one placeholder ('@cand'). Names are
 * replaced so the model learns how people support someone, not whom: the corpus names the 2024
 * candidates, the next election will name others.
 */
export function modelFeatures(views: readonly Analysis[]): Feature[] {
  const features = new Map<string, Feature>();
  for (const view of views) {
    const add = (name: string, start: number, end: number): void => {
      if (!features.has(name)) features.set(name, { name, start, end, source: view.source });
    };
    const named = view.cues.get(refCategories.named) ?? [];
    for (const ref of named) add('@cand', ref.start, ref.end);
    for (const ref of view.cues.get(refCategories.number) ?? []) add('@num', ref.start, ref.end);
    for (const [category, cues] of view.cues) {
      if (isLexiconCategory(category) && cues[0]) add(`c:${category}`, cues[0].start, cues[0].end);
    }
    for (const token of view.doc.tokens) {
      if (named.some((ref) => token.start >= ref.start && token.end <= ref.end)) continue;
      add(tokenFeature(token.kind, token.stem, token.value, token.padded), token.start, token.end);
    }
    const [firstTag] = view.doc.hashtags;
    if (firstTag) add('#tag', firstTag.start, firstTag.end);
  }
  return [...features.values()];
}

function tokenFeature(kind: string, stem: string, value: number, padded: boolean): string {
  switch (kind) {
    case 'word':
      return `w:${stem}`;
    case 'salute':
      return 's:salute';
    case 'emoji':
      return `e:${stem}`;
    default:
      // Numbers by class: '02' and '2' may be ballot numbers, '2024' and '14/02' are not.
      if (value < 0) return 'n:compound';
      if (padded) return 'n:padded';
      return value >= 1 && value <= 20 ? 'n:small' : 'n:large';
  }
}
