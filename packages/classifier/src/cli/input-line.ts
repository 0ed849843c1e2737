import type { ClassifierInput, InputKind } from '../types.js';

const kinds = new Set<InputKind>(['post', 'repost', 'reply', 'like', 'share', 'comment']);

/** An input line and the image files it names ("media": [{"path": "FILE"}]), not yet read. */
export type InputLine = ClassifierInput & { id: string; mediaPaths?: string[] };

/**
 * One line of the CLI's JSONL input (shared/DESIGN.md): {"id", "text", "region"?, "kind"?,
 * "target_text"?, "media"?}, plus the optional "posted_at", "target_author_is_candidate" and
 * "spouse_candidate" (a candidate label) that the classifier also understands.
 * Throws an Error saying what is wrong.
 */
export function parseInputLine(line: string): InputLine {
  const value: unknown = JSON.parse(line);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('expected a JSON object');
  const record = value as Record<string, unknown>;
  const id = record['id'];
  if (typeof id !== 'string' && typeof id !== 'number') throw new Error('"id" must be a string or a number');
  const text = record['text'];
  if (typeof text !== 'string') throw new Error('"text" must be a string');
  const kind = record['kind'] ?? 'post';
  if (typeof kind !== 'string' || !kinds.has(kind as InputKind)) throw new Error(`"kind" must be one of ${[...kinds].join(', ')}`);

  const input: InputLine = { id: String(id), text, kind: kind as InputKind };
  const media = record['media'];
  if (media !== undefined && media !== null) input.mediaPaths = mediaPaths(media);
  const region = optional(record, 'region', 'string');
  if (region !== undefined) input.regionCode = region;
  const targetText = optional(record, 'target_text', 'string');
  if (targetText !== undefined) input.targetText = targetText;
  const postedAt = optional(record, 'posted_at', 'string');
  if (postedAt !== undefined) input.postedAt = postedAt;
  const spouse = optional(record, 'spouse_candidate', 'string');
  if (spouse !== undefined) input.spouseCandidateLabel = spouse;
  const byCandidate = optional(record, 'target_author_is_candidate', 'boolean');
  if (byCandidate !== undefined) input.targetAuthorIsCandidate = byCandidate;
  return input;
}

function mediaPaths(media: unknown): string[] {
  if (!Array.isArray(media)) throw new Error('"media" must be a list of {"path": "FILE"}');
  return media.map((item: unknown, i) => {
    const path = typeof item === 'object' && item !== null ? (item as Record<string, unknown>)['path'] : undefined;
    if (typeof path !== 'string' || path === '') throw new Error(`"media"[${i}] must be {"path": "FILE"}`);
    return path;
  });
}

function optional<T extends 'string' | 'boolean'>(record: Record<string, unknown>, key: string, type: T): (T extends 'string' ? string : boolean) | undefined {
  const value = record[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== type) throw new Error(`"${key}" must be a ${type}`);
  return value as T extends 'string' ? string : boolean;
}

/** The inverse of parseInputLine: a classifier input as one JSONL record (snake_case keys). */
export function toInputRecord(input: ClassifierInput & { id: string }): Record<string, unknown> {
  const record: Record<string, unknown> = { id: input.id, text: input.text, kind: input.kind };
  if (input.targetText !== undefined) record['target_text'] = input.targetText;
  if (input.targetAuthorIsCandidate !== undefined) record['target_author_is_candidate'] = input.targetAuthorIsCandidate;
  if (input.regionCode) record['region'] = input.regionCode;
  if (input.postedAt !== undefined) record['posted_at'] = input.postedAt;
  if (input.spouseCandidateLabel !== undefined) record['spouse_candidate'] = input.spouseCandidateLabel;
  return record;
}
