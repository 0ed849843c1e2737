import { z } from 'zod';
import { dismissReasons, severities, violationCodes, type ReviewEventType } from '@netra/core';

const note = z.string().trim().min(1).max(4000);

/** What a reviewer may decide about a claimed item; the body of POST /api/review-items/:id/decision. */
export const decisionSchema = z.discriminatedUnion('action', [
  z.strictObject({
    action: z.literal('confirm'),
    code: z.enum(violationCodes),
    severity: z.enum(severities),
    note: note.optional(),
  }),
  z
    .strictObject({ action: z.literal('dismiss'), reason: z.enum(dismissReasons), note: note.optional() })
    .refine((d) => d.reason !== 'other' || d.note !== undefined, {
      message: "a note is required when the reason is 'other'",
      path: ['note'],
    }),
  z.strictObject({ action: z.literal('escalate'), note }),
  z.strictObject({ action: z.literal('release') }),
]);
export type Decision = z.output<typeof decisionSchema>;

export const eventTypeOf = {
  confirm: 'confirmed',
  dismiss: 'dismissed',
  escalate: 'escalated',
  release: 'released',
} as const satisfies Record<Decision['action'], ReviewEventType>;

/** The event payload: the decision without its action, which the event type already says. */
export function eventPayloadOf(decision: Decision): Record<string, unknown> {
  const { action: _action, ...payload } = decision;
  return payload;
}
