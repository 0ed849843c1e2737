import { z } from 'zod';
import { severities } from '@netra/core';

/**
 * The classifier's evidence as the workspace shows it. Stored evidence is read defensively: it
 * is whatever the classifier version of the day wrote, so an item that does not parse is left
 * out of the highlights rather than breaking the page (the raw evidence is still shown).
 */
const evidenceItemSchema = z.object({
  code: z.string(),
  rule: z.string().optional(),
  severity: z.enum(severities).optional(),
  matchedText: z.string().optional(),
  span: z.object({ start: z.number().int().min(0), end: z.number().int().min(0) }).optional(),
  source: z.enum(['text', 'target', 'media']).optional(),
  /** With source 'media': which of the post's stored images (0-based, in order) the words were read in. */
  mediaIndex: z.number().int().min(0).optional(),
  symbol: z.string().optional(),
  candidate: z
    .object({ label: z.string(), ballotNumber: z.number().nullable().optional(), electionCode: z.string() })
    .optional(),
  /** A copy of a campaign's own image: the original's file, where it was posted, how close. */
  knownImage: z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/).nullable(), postUrl: z.string().nullable(), distance: z.number() }).optional(),
  note: z.string().optional(),
});
export type EvidenceItem = z.output<typeof evidenceItemSchema>;

export interface ReadEvidence {
  items: EvidenceItem[];
  /** The allowed exception the classifier applied (spouse of a candidate), if any. */
  exception: string | null;
}

export function readEvidence(stored: unknown): ReadEvidence {
  const container = stored && typeof stored === 'object' && !Array.isArray(stored) ? (stored as Record<string, unknown>) : {};
  const rawItems = Array.isArray(stored) ? stored : Array.isArray(container.items) ? container.items : [];
  const items = rawItems.flatMap((raw) => {
    const parsed = evidenceItemSchema.safeParse(raw);
    return parsed.success ? [parsed.data] : [];
  });
  return { items, exception: typeof container.exception === 'string' ? container.exception : null };
}

/** The rule citations the evidence gives for a code, in order of appearance. */
export function rulesFor(evidence: ReadEvidence, code: string): string[] {
  return [...new Set(evidence.items.filter((e) => e.code === code && e.rule).map((e) => e.rule!))];
}

export interface TextSegment {
  text: string;
  /** The evidence codes this segment matched, empty for plain text. */
  codes: string[];
}

/** Which text a finding's span is in: the post, the post engaged with, or the words read in an image. */
export type TextSource = 'text' | 'target' | `media:${number}`;

const sourceOf = (e: EvidenceItem): TextSource => (e.source === 'media' ? `media:${e.mediaIndex ?? 0}` : (e.source ?? 'text'));

/**
 * Splits `text` into plain and matched segments for one source. A span is used only if it lies
 * inside the text and covers exactly the words the classifier recorded, so evidence computed
 * over a different text can never mark the wrong words.
 */
export function highlightSegments(text: string, items: readonly EvidenceItem[], source: TextSource): TextSegment[] {
  const spans = items
    .filter((e) => sourceOf(e) === source && e.span && e.span.end > e.span.start && e.span.end <= text.length)
    .filter((e) => e.matchedText === undefined || text.slice(e.span!.start, e.span!.end) === e.matchedText)
    .map((e) => ({ start: e.span!.start, end: e.span!.end, code: e.code }))
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const segments: TextSegment[] = [];
  let at = 0;
  for (const span of spans) {
    if (span.start < at) {
      // Overlaps the previous mark: add its code there rather than splitting the words twice.
      const last = segments.at(-1);
      if (last && last.codes.length > 0 && !last.codes.includes(span.code)) last.codes.push(span.code);
      continue;
    }
    if (span.start > at) segments.push({ text: text.slice(at, span.start), codes: [] });
    segments.push({ text: text.slice(span.start, span.end), codes: [span.code] });
    at = span.end;
  }
  if (at < text.length) segments.push({ text: text.slice(at), codes: [] });
  return segments;
}
