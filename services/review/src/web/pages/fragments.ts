import type { CapturedImage, CapturedPost, ItemReport, ReviewItemDetail } from '../../review/detail.js';
import { citationOf } from '@netra/classifier/citations';
import { isSeverity, isViolationCode, priorityParts, type LocalZone, type PriorityPart } from '@netra/core';
import { findingsByCode, highlightSegments, type CodeFinding, type EvidenceItem, type TextSource } from '../../review/evidence.js';
import { html, safeHref, type SafeHtml } from '../html.js';
import type { Dictionary } from '../i18n.js';
import { decimal } from '../numbers.js';
import { when } from '../time.js';

/** Pieces shared by the item page and the printable case report. */

/** Post text with the classifier's matched words marked; every segment is escaped. */
function highlightedText(dict: Dictionary, text: string, findings: readonly EvidenceItem[], source: TextSource): SafeHtml {
  return html`${highlightSegments(text, findings, source).map((segment) =>
    segment.codes.length > 0 ? html`<mark title="${codeLabels(dict, segment.codes)}">${segment.text}</mark>` : html`${segment.text}`,
  )}`;
}

/**
 * Where the page loads an image of the item from: the workspace's media route, or a data: URI of
 * its thumbnail in the self-contained report; null for a file it cannot show.
 */
export type ImageSource = (sha256: string, size: 'thumb' | 'original') => string | null;

export function capturedPost(
  dict: Dictionary,
  title: string,
  post: CapturedPost,
  findings: readonly EvidenceItem[],
  source: 'text' | 'target',
  imageSource: ImageSource,
  zone: LocalZone,
): SafeHtml {
  const { t } = dict;
  const href = safeHref(post.url);
  return html`<article class="captured">
<h3>${title} — @${post.author_handle} (${post.platform})</h3>
<blockquote class="post-text" data-post-text>${highlightedText(dict, post.text, findings, source)}</blockquote>
<dl>
<dt>${t.url}</dt><dd>${href ? html`<a href="${href}" rel="noopener noreferrer" target="_blank">${href}</a>` : (post.url ?? '—')}</dd>
<dt>${t.postedAt}</dt><dd>${when(post.posted_at, zone)}</dd>
<dt>${t.capturedAt}</dt><dd>${when(post.captured_at, zone)}</dd>
<dt>${t.sha256}</dt><dd><code>${post.content_sha256}</code></dd>
${post.deleted_at ? html`<dt>${t.deletedAt}</dt><dd>${when(post.deleted_at, zone)}</dd>` : ''}
</dl>
${post.versions.length > 1 ? textVersions(dict, post, zone) : ''}
${post.images.length > 0 ? capturedImages(dict, post.images, findings, source, imageSource) : ''}
</article>`;
}

/** An edited post's texts, oldest first, each with its hash and time; the classified one marked. */
function textVersions(dict: Dictionary, post: CapturedPost, zone: LocalZone): SafeHtml {
  const { t } = dict;
  return html`<p class="hint" data-edited>${t.editedPost} (${t.version} ${post.shown_version}/${post.versions.length})</p>
<details class="text-versions" data-versions>
<summary>${t.textVersions} (${post.versions.length})</summary>
<ol>${post.versions.map(
    (version, i) => html`<li data-version="${i + 1}"${i + 1 === post.shown_version ? html` data-classified-version` : ''}>
<p>${t.version} ${i + 1} · ${t.firstSeen} ${when(version.first_seen_at, zone)}${version.edited_at ? html` · ${t.editedAt} ${when(version.edited_at, zone)}` : ''}${i + 1 === post.shown_version ? html` · <strong>${t.classifiedVersion}</strong>` : ''}</p>
<blockquote>${version.text}</blockquote>
<p><code>${version.content_sha256}</code></p>
</li>`,
  )}</ol>
</details>`;
}

/**
 * A post's images: each kept one as a thumbnail opening the original, its SHA-256 and size, and
 * the words read in it with the matched ones marked; the others with why they are not kept.
 * Only the classified post's own images carry findings (media_index counts its kept images).
 */
function capturedImages(dict: Dictionary, images: readonly CapturedImage[], findings: readonly EvidenceItem[], source: 'text' | 'target', imageSource: ImageSource): SafeHtml {
  const { t } = dict;
  const kept = images.filter((image) => image.file !== null);
  const figure = (image: CapturedImage) => {
    if (!image.file) {
      const why = image.state === 'pending' ? t.imagePending : `${t.imageNotKept}: ${image.problem ?? image.state}`;
      return html`<p class="hint" data-image-missing="${image.state}">${t.image} ${image.position + 1}: ${why}</p>`;
    }
    const { file } = image;
    const index = kept.indexOf(image);
    const textSource: TextSource | null = source === 'text' ? `media:${index}` : null;
    const copies = source === 'text' ? findings.filter((f) => f.source === 'media' && (f.mediaIndex ?? 0) === index && f.knownImage?.sha256) : [];
    const words = image.ocr_text === '' ? html`<p class="hint">${t.imageNoText}</p>` : html`<blockquote class="post-text" data-image-text>${textSource ? highlightedText(dict, image.ocr_text, findings, textSource) : image.ocr_text}</blockquote>`;
    return html`<figure class="captured-image" data-image="${file.sha256}">
${picture(imageSource, file.sha256, image.description ?? t.image, '')}
<figcaption><dl>
<dt>${t.sha256}</dt><dd><code>${file.sha256}</code></dd>
<dt>${t.imageFile}</dt><dd>${image.kind === 'video_preview' ? `${t.videoPreview} · ` : ''}${file.format} · ${file.width}×${file.height} · ${Math.ceil(file.bytes / 1024)} KiB</dd>
${image.description ? html`<dt>${t.altText}</dt><dd>${image.description}</dd>` : ''}
<dt>${t.imageText}</dt><dd>${words}</dd>
${copies.map((f) => knownOriginal(dict, f, imageSource))}
</dl></figcaption>
</figure>`;
  };
  return html`<div class="captured-images"><h4>${t.images}</h4>${images.map(figure)}</div>`;
}

/**
 * The findings, one row per code: its label, every phrase behind it (and the image it was read
 * in), symbols, candidates, the citation once in the page's language, the explanations, and the
 * severity the summary weighs; codes the classifier read but held back say so instead.
 */
export function findingsTable(dict: Dictionary, findings: readonly EvidenceItem[], flaggedCodes: readonly string[], elections: readonly { code: string; name: string }[]): SafeHtml {
  const { t } = dict;
  if (findings.length === 0) return html`<p>${t.none}</p>`;
  const electionName = (code: string) => elections.find((e) => e.code === code)?.name ?? code;
  const phrase = (p: CodeFinding['phrases'][number]) =>
    html`<li>${p.text}${p.mediaIndex !== null ? html` <span class="hint" data-from-image>(${t.inImage} ${p.mediaIndex + 1})</span>` : ''}</li>`;
  return html`<table class="findings">
<thead><tr><th>${t.code}</th><th>${t.matched}</th><th>${t.symbol} · ${t.candidate}</th><th>${t.rule}</th><th>${t.severity}</th></tr></thead>
<tbody>${findingsByCode(findings, flaggedCodes).map(
    (f) => html`<tr data-finding="${f.code}"${f.flagged ? '' : html` class="held-back"`}>
<td data-label="${t.code}">${codeLabel(dict, f.code)}</td>
<td data-label="${t.matched}">${f.phrases.length > 0 ? html`<ul class="phrases">${f.phrases.map(phrase)}</ul>` : '—'}${f.notes.length > 0 ? html`<p class="hint" data-finding-notes>${f.notes.join('; ')}</p>` : ''}</td>
<td data-label="${t.symbol} · ${t.candidate}">${[...f.symbols, ...f.candidates.map((c) => `${c.ballotNumber ? `${String(c.ballotNumber).padStart(2, '0')} ` : ''}${c.label} · ${electionName(c.electionCode)}`)].join('; ') || '—'}</td>
<td data-label="${t.rule}" data-citation>${isViolationCode(f.code) ? citationOf(f.code, dict.lang) : (f.storedRule ?? '—')}</td>
<td data-label="${t.severity}">${f.flagged ? (f.severity ? dict.labels.severity[f.severity] : '—') : html`<span class="hint">${t.heldBack}</span>`}</td>
</tr>`,
  )}</tbody>
</table>`;
}

/** A code as people read it, in the page's language; an unknown code as it is stored. */
export function codeLabel(dict: Dictionary, code: string): string {
  return isViolationCode(code) ? dict.labels.code[code] : code;
}

export function severityLabel(dict: Dictionary, severity: string): string {
  return isSeverity(severity) ? dict.labels.severity[severity] : severity;
}

/** What a priority is made of, e.g. "keparahan 3 + skor 0,95 + jangkauan 0,21 + riwayat ASN 0,5"; '' when not kept. */
export function priorityExplained(dict: Dictionary, parts: Readonly<Record<PriorityPart, number>> | null): string {
  if (!parts) return '';
  return priorityParts.map((part) => `${dict.labels.priorityPart[part]} ${decimal(dict.lang, parts[part], 2, 0)}`).join(' + ');
}

export function codeLabels(dict: Dictionary, codes: readonly string[]): string {
  return codes.map((code) => codeLabel(dict, code)).join(', ') || '—';
}

const MAX_DEPTH = 6;

/** Renders stored JSON (evidence, event payloads) of any shape as nested lists. */
export function renderValue(value: unknown, depth = 0): SafeHtml {
  if (value === null || value === undefined) return html`—`;
  if (depth >= MAX_DEPTH) return html`<code>${JSON.stringify(value)}</code>`;
  if (Array.isArray(value)) {
    return value.length === 0 ? html`—` : html`<ol>${value.map((entry) => html`<li>${renderValue(entry, depth + 1)}</li>`)}</ol>`;
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    return entries.length === 0
      ? html`—`
      : html`<dl>${entries.map(([key, entry]) => html`<dt>${key}</dt><dd>${renderValue(entry, depth + 1)}</dd>`)}</dl>`;
  }
  return html`${String(value)}`;
}

/**
 * A review event's details as a person reads them: each known field by its name, codes,
 * severities and reasons by their labels, yes/no for flags; anything else as recorded.
 */
export function eventDetails(dict: Dictionary, payload: unknown): SafeHtml {
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) return renderValue(payload);
  const entries = Object.entries(payload as Record<string, unknown>);
  if (entries.length === 0) return html`—`;
  const { labels, t } = dict;
  const read = (key: string, value: unknown): SafeHtml | string => {
    if (typeof value === 'boolean') return value ? t.yes : t.no;
    if (typeof value !== 'string') return renderValue(value);
    if (key === 'code') return codeLabel(dict, value);
    if (key === 'severity') return severityLabel(dict, value);
    if (key === 'reason') return (labels.dismissReason as Record<string, string>)[value] ?? (labels.reflagReason as Record<string, string>)[value] ?? value;
    return value;
  };
  return html`<dl>${entries.map(
    ([key, value]) => html`<dt>${(labels.eventField as Record<string, string>)[key] ?? key}</dt><dd>${read(key, value)}</dd>`,
  )}</dl>`;
}

/** A thumbnail opening the original, where the page can show the file. */
function picture(imageSource: ImageSource, sha256: string, alt: string, className: string): SafeHtml | '' {
  const thumb = imageSource(sha256, 'thumb');
  if (thumb === null) return '';
  const img = html`<img src="${thumb}" alt="${alt}" loading="lazy"${className ? html` class="${className}"` : ''}>`;
  const original = imageSource(sha256, 'original');
  return original === null || original === thumb ? img : html`<a href="${original}" target="_blank" rel="noopener">${img}</a>`;
}

/** The campaign's own image a finding says the ASN's image copies, with whose and how close. */
function knownOriginal(dict: Dictionary, finding: EvidenceItem, imageSource: ImageSource): SafeHtml {
  const { t } = dict;
  const known = finding.knownImage!;
  const sha256 = known.sha256!;
  const href = known.postUrl ? safeHref(known.postUrl) : null;
  return html`<dt>${t.knownOriginal}</dt><dd data-known-original="${sha256}">
${picture(imageSource, sha256, finding.candidate?.label ?? '', 'known-original')}
${finding.candidate?.label ?? ''} · ${t.hashDistance} ${known.distance}/64${known.postUrl ? html` · ${href ? html`<a href="${href}" rel="noopener noreferrer" target="_blank">${known.postUrl}</a>` : known.postUrl}` : ''}
</dd>`;
}

/** Where an item came from when a person reported it, and what opening the link found. */
export function reportFacts(dict: Dictionary, report: ItemReport, zone: LocalZone): SafeHtml {
  const { t } = dict;
  const { capture } = report;
  const href = safeHref(report.url);
  return html`<article class="captured" data-report="${report.id}">
<h3>${t.fromReport} #${report.id} (${report.source === 'public' ? t.reportByPublic : t.reportByStaff}) · ${when(report.received_at, zone)}</h3>
<dl>
<dt>${t.reportedUrl}</dt><dd>${href ? html`<a href="${href}" rel="noopener noreferrer" target="_blank">${report.url}</a>` : report.url}</dd>
<dt>${t.reporterSaw}</dt><dd><blockquote class="post-text">${report.description}</blockquote></dd>
${report.contact ? html`<dt>${t.reporterContact}</dt><dd data-reporter-contact>${report.contact} <span class="hint">(${t.personalDataHere})</span></dd>` : ''}
<dt>${t.capture}</dt><dd>${capture.captured_at ? html`${when(capture.captured_at, zone)} · HTTP ${capture.http_status ?? '—'} · ${capture.final_url ?? ''}` : (capture.error ?? '—')}</dd>
${capture.login_wall ? html`<dt></dt><dd class="warning" data-login-wall>${t.loginWall}</dd>` : ''}
${capture.html_sha256 ? html`<dt>${t.htmlSha256}</dt><dd><code>${capture.html_sha256}</code></dd>` : ''}
</dl>
</article>`;
}

/** Who the case is about: the same facts on the item page and in the agency's report. */
export function civilServantFacts(dict: Dictionary, cs: ReviewItemDetail['civil_servant']): SafeHtml {
  const { t } = dict;
  return html`<dl>
<dt>${t.name}</dt><dd>${cs.name}</dd>
<dt>${t.nip}</dt><dd>${cs.nip}</dd>
<dt>${t.position}</dt><dd>${cs.position ?? '—'}</dd>
<dt>${t.agency}</dt><dd>${cs.agency.name} (${cs.agency.code})</dd>
<dt>${t.region}</dt><dd>${cs.region.name} (${cs.region.code})</dd>
</dl>`;
}
