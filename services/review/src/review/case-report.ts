import type { ReviewEvent } from '@netra/db';
import type { Viewer } from '../auth/sessions.js';
import type { ReviewItemDetail } from './detail.js';

const CASE_REPORT_VERSION = 1;

/**
 * The report a home agency receives for a confirmed case: the human decision, who made it, and
 * the preserved evidence exactly as the reviewer saw it (captured text with its SHA-256, URL and
 * capture time; the classifier's matched spans, symbols, candidate and rule), with the full
 * review history whose hash chain lets the agency check it was not altered.
 */
export function buildCaseReport(
  detail: ReviewItemDetail,
  confirm: { event: ReviewEvent; reviewer: Viewer; code: string; severity: string; note?: string | undefined },
) {
  return {
    report_version: CASE_REPORT_VERSION,
    review_item_id: detail.id,
    decision: {
      code: confirm.code,
      severity: confirm.severity,
      note: confirm.note ?? null,
      confirmed_at: confirm.event.created_at,
      confirm_event: { seq: confirm.event.seq, hash: confirm.event.hash },
      reviewer: { id: confirm.reviewer.userId, name: confirm.reviewer.displayName, email: confirm.reviewer.email },
    },
    civil_servant: detail.civil_servant,
    subject: detail.subject,
    classification: detail.classification,
    history: detail.history,
  };
}
export type CaseReport = ReturnType<typeof buildCaseReport>;
