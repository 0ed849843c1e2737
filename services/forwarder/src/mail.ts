import nodemailer from 'nodemailer';
import { errorMessage } from '@netra/core';
import type { DeliveryOutcome } from './deliver.js';

export interface CaseMail {
  /** A confirmed case, or the notice that a case already sent was reopened and withdrawn. */
  kind: 'case' | 'withdrawal';
  to: string;
  reviewItemId: string;
  /** The report as sent to webhooks: attached, so the agency can process it the same way. */
  reportJson: string;
  /** The printable report: the message's HTML body. */
  reportHtml: string | null;
  summary: string;
  idempotencyKey: string;
}

/**
 * Sends cases by e-mail over SMTP. An e-mail cannot be signed like a webhook (that is the mail
 * system's DKIM), but it carries the same idempotency key, as Message-ID and as a header, so an
 * agency's intake can drop the duplicate a retry after a lost answer may cause.
 */
export function createMailer(options: { smtpUrl: string; from: string; timeoutMs: number }) {
  const transport = nodemailer.createTransport({
    url: options.smtpUrl,
    connectionTimeout: options.timeoutMs,
    greetingTimeout: options.timeoutMs,
    socketTimeout: options.timeoutMs,
  });
  const domain = options.from.split('@')[1] ?? 'netra.invalid';

  async function send(mail: CaseMail): Promise<DeliveryOutcome> {
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    try {
      await transport.sendMail({
        from: options.from,
        to: mail.to,
        subject:
          mail.kind === 'withdrawal'
            ? `[Netra] DITARIK: kasus netralitas ASN #${mail.reviewItemId}`
            : `[Netra] Kasus netralitas ASN #${mail.reviewItemId}: ${mail.summary}`,
        messageId: `<${mail.idempotencyKey}@${domain}>`,
        headers: { 'X-Netra-Idempotency-Key': mail.idempotencyKey },
        text:
          mail.kind === 'withdrawal'
            ? `Kasus #${mail.reviewItemId} yang telah dikirim dibuka kembali oleh tim peninjau dan ditarik: jangan ditindaklanjuti sampai ada keputusan baru.\n`
            : `Tim pengawasan netralitas telah mengonfirmasi kasus #${mail.reviewItemId} (${mail.summary}).\n` +
              'Laporan lengkap ada di badan surel ini dan dalam lampiran JSON.\n',
        ...(mail.reportHtml ? { html: mail.reportHtml } : {}),
        attachments: [{ filename: `kasus-${mail.reviewItemId}.json`, content: mail.reportJson, contentType: 'application/json' }],
      });
      return { delivered: true, httpStatus: null, error: null, durationMs: elapsed() };
    } catch (error) {
      return { delivered: false, httpStatus: null, error: `SMTP: ${errorMessage(error)}`, durationMs: elapsed() };
    }
  }

  return { send, close: () => transport.close() };
}
export type Mailer = ReturnType<typeof createMailer>;
