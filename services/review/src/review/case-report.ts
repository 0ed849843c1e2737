import type { Role } from '@netra/core';
import type { ReviewEvent } from '@netra/db';
import type { ReviewItemDetail } from './detail.js';

// 3: captured posts carry their images (SHA-256, size, the words read in them).
// 4: a captured post's `text` and `content_sha256` are the version the classifier read, and
//    `versions` lists every text it has had (an edited post).
const CASE_REPORT_VERSION = 4;

interface Person {
  id: number;
  name: string;
  email: string;
  role: Role;
}

/** The human decision that makes a case final: the confirm, and where required its approval. */
export interface ConfirmedDecision {
  confirmEvent: ReviewEvent;
  confirmer: Person;
  approval: { event: ReviewEvent; approver: Person } | null;
}

interface ConfirmPayload {
  code: string;
  severity: string;
  rule: string;
  note?: string;
}

/**
 * The report a home agency receives for a confirmed case: the human decision, who made it (and
 * who approved it), the rule breached, and the preserved evidence exactly as the reviewer saw it
 * (captured text with its SHA-256, URL and capture time; the classifier's matched spans,
 * symbols, candidate and rule), with the full review history whose hash chain lets the agency
 * check it was not altered.
 */
export function buildCaseReport(detail: ReviewItemDetail, decided: ConfirmedDecision) {
  const confirm = decided.confirmEvent.payload as ConfirmPayload;
  return {
    report_version: CASE_REPORT_VERSION,
    review_item_id: detail.id,
    decision: {
      code: confirm.code,
      severity: confirm.severity,
      rule: confirm.rule,
      note: confirm.note ?? null,
      confirmed_at: decided.confirmEvent.created_at,
      confirm_event: { seq: decided.confirmEvent.seq, hash: decided.confirmEvent.hash },
      reviewer: decided.confirmer,
      approval: decided.approval
        ? {
            approved_at: decided.approval.event.created_at,
            approve_event: { seq: decided.approval.event.seq, hash: decided.approval.event.hash },
            approver: decided.approval.approver,
            note: (decided.approval.event.payload as { note?: string }).note ?? null,
          }
        : null,
    },
    civil_servant: detail.civil_servant,
    subject: detail.subject,
    // The reporter's contact is personal data: it stays on the case in Netra, never forwarded.
    report: detail.report && { ...detail.report, contact: null },
    classification: {
      id: detail.classification.id,
      classifier_version: detail.classification.classifier_version,
      score: detail.classification.score,
      codes: detail.classification.codes,
      suggested_severity: detail.classification.suggested_severity,
      evidence: detail.classification.evidence,
      elections: detail.classification.elections,
      classified_at: detail.classification.classified_at,
    },
    history: detail.history,
  };
}
export type CaseReport = ReturnType<typeof buildCaseReport>;
