import { z } from 'zod';
import { dismissReasons, severities, violationCodes } from '@netra/core';

const note = z.string().trim().min(1).max(4000);

/** What a person may decide about an item; the body of POST /api/review-items/:id/decision. */
export const decisionSchema = z.discriminatedUnion('action', [
  z.strictObject({
    action: z.literal('confirm'),
    code: z.enum(violationCodes),
    severity: z.enum(severities),
    /** The rule breached; by default the citation the classifier's evidence gives for the code. */
    rule: z.string().trim().min(1).max(500).optional(),
    note: note.optional(),
  }),
  z
    .strictObject({ action: z.literal('dismiss'), reason: z.enum(dismissReasons), note: note.optional() })
    .refine((d) => d.reason !== 'other' || d.note !== undefined, {
      message: "a note is required when the reason is 'other'",
      path: ['note'],
    }),
  z.strictObject({ action: z.literal('escalate'), note }),
  /** On hold while consulting (Bawaslu, legal, the person's superior): say with whom. */
  z.strictObject({ action: z.literal('hold'), note }),
  z.strictObject({ action: z.literal('release') }),
  z.strictObject({ action: z.literal('approve'), note: note.optional() }),
  z.strictObject({ action: z.literal('reopen'), reason: note }),
]);
export type Decision = z.output<typeof decisionSchema>;

/** The event payload: the decision without its action, which the event type already says. */
export function eventPayloadOf(decision: Decision): Record<string, unknown> {
  const { action: _action, ...payload } = decision;
  return payload;
}
