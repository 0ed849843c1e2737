import type { ReviewEvent } from '../schema.js';

/** The delivered case a notice withdraws, as the outbox holds it. */
export interface DeliveredCase {
  id: string;
  review_item_id: string;
  idempotency_key: string;
  delivered_at: Date | null;
}

/**
 * What an agency receives when a case it already has is reopened: signed and delivered like the
 * case itself, naming the case's idempotency key so the agency's intake can match the two.
 * The reopen's note, if any, says why; nothing else about the case is repeated.
 */
export function withdrawalNotice(delivered: DeliveredCase, reopen: Pick<ReviewEvent, 'created_at' | 'payload'> | null) {
  const note = (reopen?.payload as { note?: unknown } | undefined)?.note;
  const report = {
    notice: 'case_withdrawn',
    review_item_id: delivered.review_item_id,
    withdraws_idempotency_key: delivered.idempotency_key,
    delivered_at: delivered.delivered_at?.toISOString() ?? null,
    withdrawn_at: (reopen?.created_at ?? new Date()).toISOString(),
    reason: typeof note === 'string' && note.length > 0 ? note : null,
    message:
      `Kasus #${delivered.review_item_id} yang telah dikirim dibuka kembali oleh tim peninjau dan ditarik: ` +
      'jangan ditindaklanjuti sampai ada keputusan baru.',
  };
  const reportHtml =
    '<!doctype html><html lang="id"><meta charset="utf-8"><title>Kasus ditarik</title>' +
    `<p>${escapeHtml(report.message)}</p><p>Kunci idempotensi kasus: <code>${escapeHtml(delivered.idempotency_key)}</code></p>` +
    (report.reason ? `<p>Alasan: ${escapeHtml(report.reason)}</p>` : '') +
    '</html>';
  return { report, reportHtml };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
