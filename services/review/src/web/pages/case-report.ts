import { createHash } from 'node:crypto';
import { localZoneOf } from '@netra/core';
import { escapeHtml, html } from '../html.js';
import { dictionaryFor } from '../i18n.js';
import { capturedPost, civilServantFacts, eventDetails, findingsTable, reportFacts } from './fragments.js';
import { decimal } from '../numbers.js';
import { when } from '../time.js';
import type { CaseReport } from '../../review/case-report.js';
import { readEvidence } from '../../review/evidence.js';

/**
 * The printable case report, in Bahasa Indonesia, exactly as the home agency receives it (it is
 * also the body of the e-mail). Self-contained: one inline style block and no script, so it
 * prints and mails as is; the workspace serves it with a CSP that allows that one style by hash.
 */
const REPORT_STYLE = `body{font-family:Georgia,serif;max-width:48rem;margin:2rem auto;color:#111}
h1{font-size:1.4rem}h2{font-size:1.1rem;border-bottom:1px solid #999;margin-top:1.5rem}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}dd{margin:0}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #bbb;padding:.2rem .4rem;text-align:left;vertical-align:top;font-size:.9rem}
.post-text{white-space:pre-wrap;border-left:4px solid #333;padding:.4rem .8rem;background:#f4f4f4}
mark{background:#ffe08a}code{font-size:.8rem;overflow-wrap:anywhere}
figure{margin:.5rem 0}figure img{max-width:16rem;height:auto;border:1px solid #bbb}
@media print{a{color:inherit;text-decoration:none}}`;

// Interpolated through html`` like everything else: it holds no character that escaping changes,
// so the page carries exactly these bytes and the hash below matches them.
if (escapeHtml(REPORT_STYLE) !== REPORT_STYLE) throw new Error('the report style must not need escaping');

export const REPORT_STYLE_CSP_SOURCE = `'sha256-${createHash('sha256').update(REPORT_STYLE).digest('base64')}'`;

/**
 * `thumbnails`: data: URIs of the case's images by SHA-256 (report-images.ts), so the page shows
 * them without reaching back into Netra.
 */
export function renderCaseReportPage(report: CaseReport, thumbnails: ReadonlyMap<string, string> = new Map()): string {
  const dict = dictionaryFor('id');
  const { t, labels } = dict;
  const cs = report.civil_servant;
  const zone = localZoneOf(cs.region.code);
  const d = report.decision;
  const findings = readEvidence(report.classification.evidence).items;
  const subject = report.subject;
  // Only the thumbnail travels with the report; the original stays in Netra under the hash shown.
  const images = (sha256: string, size: 'thumb' | 'original') => (size === 'thumb' ? (thumbnails.get(sha256) ?? null) : null);
  return html`<!doctype html>
<html lang="id">
<head>
<meta charset="utf-8">
<title>Laporan kasus netralitas ASN #${report.review_item_id}</title>
<style>${REPORT_STYLE}</style>
</head>
<body>
<h1>Laporan dugaan pelanggaran netralitas ASN — butir #${report.review_item_id}</h1>
<p>Laporan ini dibuat oleh Netra setelah tim pengawasan netralitas instansi mengonfirmasi butir ini.
Sistem hanya menyarankan; keputusan di bawah adalah keputusan manusia. Bawaslu dan instansi asal yang memutuskan pelanggaran dan sanksinya.</p>

<h2>Keputusan</h2>
<dl>
<dt>Kode</dt><dd>${labels.code[d.code as keyof typeof labels.code] ?? d.code} (${d.code})</dd>
<dt>Tingkat</dt><dd>${d.severity}</dd>
<dt>Aturan</dt><dd>${d.rule}</dd>
<dt>Catatan</dt><dd>${d.note ?? '—'}</dd>
<dt>Dikonfirmasi oleh</dt><dd>${d.reviewer.name} &lt;${d.reviewer.email}&gt;, ${when(d.confirmed_at, zone)}</dd>
${d.approval ? html`<dt>Disetujui oleh</dt><dd>${d.approval.approver.name} &lt;${d.approval.approver.email}&gt;, ${when(d.approval.approved_at, zone)}</dd>` : ''}
</dl>

<h2>ASN</h2>
${civilServantFacts(dict, cs)}
${cs.spouse_candidate ? html`<p>${t.spouseException} (${cs.spouse_candidate.label}, ${cs.spouse_candidate.election}).</p>` : ''}

<h2>Bukti yang diamankan</h2>
${report.report ? reportFacts(dict, report.report, zone) : ''}
${subject.kind === 'post'
  ? capturedPost(dict, t.asnPost, subject.post, findings, 'text', images, zone)
  : html`<p>ASN ${labels.subjectKind[subject.engagement_kind]} postingan berikut (${t.engagedFirstSeen} ${when(subject.first_seen_at, zone)}).
${t.targetAuthor}: @${subject.target_author.handle}${subject.target_author.candidate ? ` (${t.candidateAccount} ${subject.target_author.candidate})` : ''}.</p>
${subject.comment_post ? capturedPost(dict, t.asnComment, subject.comment_post, findings, 'text', images, zone) : ''}
${capturedPost(dict, t.targetPost, subject.target_post, findings, 'target', images, zone)}`}

<h2>${t.findings}</h2>
<p>${t.score} ${decimal(dict.lang, report.classification.score)} · ${t.suggestedSeverity} ${report.classification.suggested_severity ?? '—'} · ${t.classifierVersion} ${report.classification.classifier_version}</p>
${findingsTable(dict, findings, report.classification.codes, report.classification.elections)}

<h2>${t.history}</h2>
<table>
<thead><tr><th>#</th><th>${t.event}</th><th>${t.by}</th><th>${t.time}</th><th>${t.details}</th><th>${t.eventHash}</th></tr></thead>
<tbody>${report.history.map(
    (e) => html`<tr><td>${e.seq}</td><td>${labels.event[e.type]}</td><td>${e.actor?.display_name ?? t.system}</td><td>${when(e.at, zone)}</td><td>${eventDetails(dict, e.payload)}</td><td><code>${e.hash}</code></td></tr>`,
  )}</tbody>
</table>
</body>
</html>`.value;
}

