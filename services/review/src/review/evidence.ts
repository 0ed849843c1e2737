import { z } from 'zod';
import { severities, severityRank, type Severity } from '@netra/core';

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

/** Everything the evidence says about one code, gathered from its findings. */
export interface CodeFinding {
  code: string;
  /** The classification flagged this code; the others are weaker evidence it read and held back. */
  flagged: boolean;
  /** Each matched phrase once, with the image it was read in when it was not the post's text. */
  phrases: { text: string; mediaIndex: number | null }[];
  symbols: string[];
  candidates: NonNullable<EvidenceItem['candidate']>[];
  /** The suggested severity of a flagged code (the same the summary weighs); null for a held-back one. */
  severity: Severity | null;
  /** The classifier's explanations, each once. */
  notes: string[];
  /** The citation the evidence stored, for a code the workspace does not know. */
  storedRule: string | null;
}

/**
 * One entry per code, flagged codes first in the classification's order: a reviewer reads the
 * rule once and every phrase behind it, instead of one row (and one long citation) per match.
 */
export function findingsByCode(items: readonly EvidenceItem[], flaggedCodes: readonly string[]): CodeFinding[] {
  const byCode = new Map<string, CodeFinding>();
  for (const item of items) {
    let entry = byCode.get(item.code);
    if (!entry) {
      const flagged = flaggedCodes.includes(item.code);
      entry = { code: item.code, flagged, phrases: [], symbols: [], candidates: [], severity: null, notes: [], storedRule: item.rule ?? null };
      byCode.set(item.code, entry);
    }
    const mediaIndex = item.source === 'media' ? (item.mediaIndex ?? 0) : null;
    if (item.matchedText && !entry.phrases.some((p) => p.text === item.matchedText && p.mediaIndex === mediaIndex)) {
      entry.phrases.push({ text: item.matchedText, mediaIndex });
    }
    if (item.symbol && !entry.symbols.includes(item.symbol)) entry.symbols.push(item.symbol);
    const candidate = item.candidate;
    if (candidate && !entry.candidates.some((c) => c.label === candidate.label && c.electionCode === candidate.electionCode)) entry.candidates.push(candidate);
    if (entry.flagged && item.severity && (entry.severity === null || severityRank[item.severity] > severityRank[entry.severity])) entry.severity = item.severity;
    for (const note of item.note?.split('; ') ?? []) if (note && !entry.notes.includes(note)) entry.notes.push(note);
  }
  const rank = (code: string) => (flaggedCodes.includes(code) ? flaggedCodes.indexOf(code) : flaggedCodes.length);
  return [...byCode.values()].sort((a, b) => rank(a.code) - rank(b.code));
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
