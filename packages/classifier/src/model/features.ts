import type { Analysis } from '../analyse.js';
import { boundedMemo } from '../text/bounded-memo.js';
import { refCategories, type Cue } from '../signals/cues.js';
import type { Token } from '../text/tokenise.js';
import type { TextRef } from '../types.js';

/** One binary feature of a text, with where it first shows, so the model can explain itself. */
export interface Feature {
  name: string;
  start: number;
  end: number;
  source: TextRef;
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
  for (const view of views) addViewFeatures(features, view);
  return [...features.values()];
}

function addViewFeatures(features: Map<string, Feature>, view: Analysis): void {
  const { source } = view;
  const named = view.cues.get(refCategories.named) ?? [];
  for (const ref of named) addFeature(features, '@cand', ref.start, ref.end, source);
  for (const ref of view.cues.get(refCategories.number) ?? []) addFeature(features, '@num', ref.start, ref.end, source);
  for (const [category, cues] of view.cues) {
    if (isLexiconCategory(category) && cues[0]) addFeature(features, `c:${category}`, cues[0].start, cues[0].end, source);
  }
  for (const token of view.doc.tokens) {
    if (named.length > 0 && insideAny(named, token)) continue;
    addFeature(features, tokenFeature(token.kind, token.stem, token.value, token.padded), token.start, token.end, source);
  }
  const [firstTag] = view.doc.hashtags;
  if (firstTag) addFeature(features, '#tag', firstTag.start, firstTag.end, source);
}

/** The first place a feature shows is the one the model's explanation points to. */
function addFeature(features: Map<string, Feature>, name: string, start: number, end: number, source: TextRef): void {
  if (!features.has(name)) features.set(name, { name, start, end, source });
}

function insideAny(refs: readonly Cue[], token: Token): boolean {
  for (const ref of refs) if (token.start >= ref.start && token.end <= ref.end) return true;
  return false;
}

// The same stem always gets the same name string, so the feature and weight maps hash it once
// rather than once per token.
const wordFeature = boundedMemo((stem) => `w:${stem}`, 100_000);

function tokenFeature(kind: string, stem: string, value: number, padded: boolean): string {
  switch (kind) {
    case 'word':
      return wordFeature(stem);
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
