/**
 * Unicode NFKC (fullwidth and "math bold" letters become plain ones, a common way to dodge
 * keyword filters) while remembering where every folded character came from, so evidence spans
 * point into the text the ASN actually wrote. Case is kept: hashtags are split on it later.
 */
export interface FoldedText {
  text: string;
  /** Original offset where folded char i starts; null when folded === original. */
  starts: Int32Array | null;
  /** Original offset just past folded char i. */
  ends: Int32Array | null;
}

// Emoji presentation selectors, joiners, keycap and skin-tone marks carry no meaning here and
// would otherwise split '✌️' or '2️⃣' into pieces.
const invisible = /[\uFE0E\uFE0F\u200D\u20E3\u{1F3FB}-\u{1F3FF}]/u;
const needsWork = /[^\x00-\x7F]/;

export function fold(original: string): FoldedText {
  if (!needsWork.test(original)) return { text: original, starts: null, ends: null };
  let text = '';
  const starts: number[] = [];
  const ends: number[] = [];
  let offset = 0;
  for (const char of original) {
    const end = offset + char.length;
    if (invisible.test(char)) {
      // '✌️' is one symbol to the reader: the selector belongs to the span of what it modifies.
      if (ends.length > 0) ends[ends.length - 1] = end;
    } else {
      const folded = char.normalize('NFKC');
      text += folded;
      for (let i = 0; i < folded.length; i++) {
        starts.push(offset);
        ends.push(end);
      }
    }
    offset = end;
  }
  return { text, starts: Int32Array.from(starts), ends: Int32Array.from(ends) };
}

// Two functions rather than one returning a span object: the tokeniser calls them for every
// token, and most posts are plain ASCII where both are the identity.

/** The original offset where folded char `start` begins. */
export function originalStart(folded: FoldedText, start: number): number {
  return folded.starts ? (folded.starts[start] ?? 0) : start;
}

/** The original offset just past folded char `end - 1`. */
export function originalEnd(folded: FoldedText, end: number): number {
  return folded.ends ? (folded.ends[end - 1] ?? 0) : end;
}
