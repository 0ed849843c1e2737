import { dismissReasons, localZoneOf, severities, violationCodes } from '@netra/core';
import { can } from '../../auth/permissions.js';
import type { QueueOrder } from '@netra/db';
import type { ItemWorkspace, ReviewItemDetail } from '../../review/detail.js';
import { html, type SafeHtml } from '../html.js';
import type { Dictionary } from '../i18n.js';
import { capturedPost, civilServantFacts, codeLabels, eventDetails, findingsTable, priorityExplained, renderValue, reportFacts } from './fragments.js';
import { layout, type PageSession } from './layout.js';
import { nextItemHref } from './links.js';
import { decimal } from '../numbers.js';
import { when } from '../time.js';

export interface ItemView {
  item: ReviewItemDetail;
  workspace: ItemWorkspace;
  viewers: { display_name: string; last_viewed_at: Date }[];
  leaseSeconds: number;
  now: Date;
  /** The queue order the reviewer came from: "next item" follows it. */
  order: QueueOrder;
}

export function itemPage(dict: Dictionary, session: PageSession, view: ItemView): string {
  const { t, labels } = dict;
  const { item, workspace } = view;
  const cs = item.civil_servant;
  // Times in the ASN's own zone: the quiet period and campaign days are local days.
  const zone = localZoneOf(cs.region.code);
  const findings = item.classification.findings;
  const images = (sha256: string, size: 'thumb' | 'original') => `/api/review-items/${item.id}/media/${sha256}${size === 'thumb' ? '?size=thumb' : ''}`;
  return layout(
    { dict, session },
    `${t.item} #${item.id}`,
    html`<h1>${t.item} #${item.id}</h1>
<p>${t.status}: <strong data-item-status="${item.status}">${labels.status[item.status]}</strong>
${item.claim ? html` — ${t.claimedBy} ${item.claim.display_name} ${t.until} ${when(item.claim.expires_at, zone)}` : ''}
· ${t.priority} <span data-priority>${decimal(dict.lang, item.priority)}</span>${item.priority_parts ? html` <span class="hint" data-priority-parts>(${priorityExplained(dict, item.priority_parts)})</span>` : ''} · ${t.opened} ${when(item.opened_at, zone)}</p>
${view.viewers.length > 0 ? html`<p class="warning" data-viewers>${t.alsoViewing}: ${view.viewers.map((v) => v.display_name).join(', ')}</p>` : ''}

<div class="columns">
<div>
<section>
<h2>${t.content}</h2>
${item.report ? reportFacts(dict, item.report, zone) : ''}
${item.subject.kind === 'post'
  ? capturedPost(dict, t.asnPost, item.subject.post, findings, 'text', images, zone)
  : html`<p>${labels.subjectKind[item.subject.engagement_kind]} · ${t.engagedFirstSeen} ${when(item.subject.first_seen_at, zone)}.
${t.targetAuthor}: @${item.subject.target_author.handle} (${item.subject.target_author.candidate ? `${t.candidateAccount} ${item.subject.target_author.candidate}` : t.notRegistered})</p>
${item.subject.comment_post ? capturedPost(dict, t.asnComment, item.subject.comment_post, findings, 'text', images, zone) : ''}
${capturedPost(dict, t.targetPost, item.subject.target_post, findings, 'target', images, zone)}`}
</section>

<section>
<h2>${t.classification}</h2>
<p>${t.score} ${decimal(dict.lang, item.classification.score)} · ${t.code} ${codeLabels(dict, item.classification.codes)} ·
${t.suggestedSeverity} <strong>${item.classification.suggested_severity ? labels.severity[item.classification.suggested_severity] : '—'}</strong> · ${t.classifierVersion} ${item.classification.classifier_version}</p>
${item.classification.exception ? html`<p class="warning">${t.exception}: ${item.classification.exception}</p>` : ''}
${findingsTable(dict, findings, item.classification.codes, item.classification.elections)}
<details><summary>${t.rawEvidence}</summary>${renderValue(item.classification.evidence)}</details>
</section>
</div>

<div>
<section>
<h2>${t.civilServant}</h2>
${civilServantFacts(dict, cs)}
${cs.spouse_candidate ? html`<p class="warning">${t.spouseException} (${cs.spouse_candidate.label}, ${cs.spouse_candidate.election}). ${t.spouseExceptionNote}</p>` : ''}
</section>

<section>
<h2>${t.decision}</h2>
${cs.agency.requires_four_eyes ? html`<p class="hint">${t.fourEyesNotice}</p>` : ''}
<p class="error" data-error></p>
${decisionForms(dict, view)}
</section>

<section>
<h2>${t.forwarding}</h2>
${workspace.forwardings.length === 0
  ? html`<p>${t.none}</p>`
  : html`<table data-forwardings><thead><tr><th>${t.channel}</th><th>${t.status}</th><th>${t.attempts}</th><th>${t.lastError}</th><th></th></tr></thead><tbody>
${workspace.forwardings.map(
  (f) => html`<tr data-forwarding-status="${f.status}"><td>${f.channel} · ${labels.forwardingKind[f.kind]}</td><td>${labels.forwardingStatus[f.status]}${f.delivered_at ? ` ${when(f.delivered_at, zone)}` : ''}</td><td>${f.attempts}</td><td>${f.last_error ?? '—'}</td>
<td>${f.status === 'failed' && can(session.viewer, 'review') ? html`<form data-api="/api/forwardings/${f.id}/retry"><button>${t.retry}</button></form>` : ''}</td></tr>`,
)}</tbody></table>
<p><a href="/items/${item.id}/report" target="_blank" rel="noopener">${t.report}</a></p>`}
</section>

<section>
<h2>${t.earlierItems}</h2>
${workspace.earlier_items.length === 0
  ? html`<p>${t.none}</p>`
  : html`<ul>${workspace.earlier_items.map(
      (e) => html`<li><a href="/items/${e.id}">#${e.id}</a> ${labels.status[e.status]} · ${codeLabels(dict, e.codes)} · ${when(e.opened_at, zone)}</li>`,
    )}</ul>`}
</section>
</div>
</div>

<section>
<h2>${t.history}</h2>
<table data-history>
<thead><tr><th>#</th><th>${t.event}</th><th>${t.by}</th><th>${t.time}</th><th>${t.details}</th></tr></thead>
<tbody>
${item.history.map(
  (entry) => html`<tr data-event="${entry.type}"><td data-label="#">${entry.seq}</td><td data-label="${t.event}">${labels.event[entry.type]}</td><td data-label="${t.by}">${entry.actor?.display_name ?? t.system}</td><td data-label="${t.time}">${when(entry.at, zone)}</td><td data-label="${t.details}">${eventDetails(dict, entry.payload)}</td></tr>`,
)}
</tbody>
</table>
</section>
${can(session.viewer, 'review') ? html`<p><a href="${nextItemHref(item.id, view.order)}" data-next-item>${t.nextItem}</a></p>` : ''}
<p class="hint">${t.shortcuts}</p>`,
  );
}


/** Only the actions that can succeed now for this person are offered (availableActions). */
function decisionForms(dict: Dictionary, view: ItemView): SafeHtml {
  const { t, labels } = dict;
  const { item } = view;
  const offered = new Set(view.workspace.available_actions);
  const api = `/api/review-items/${item.id}`;
  // A decided item is done: the reviewer goes on to the next one, not back to this page.
  const next = nextItemHref(item.id, view.order);
  const forms: SafeHtml[] = [];
  if (offered.has('claim')) forms.push(html`<form data-api="${api}/claim" data-shortcut="c"><button>${t.claim}</button></form>`);
  // Holding the claim: the page keeps it alive while it is open.
  if (offered.has('release')) {
    forms.push(html`<div data-heartbeat="${api}/claim" data-heartbeat-seconds="${Math.max(5, Math.floor(view.leaseSeconds / 2))}"></div>`);
  }
  if (offered.has('confirm')) {
    forms.push(html`<form data-api="${api}/decision" data-shortcut="y" class="confirm" data-next="${next}">
<input type="hidden" name="action" value="confirm">
<label>${t.code} <select name="code">${violationCodes.map(
      (code) => html`<option value="${code}"${item.classification.codes[0] === code ? html` selected` : ''}>${labels.code[code]}</option>`,
    )}</select></label>
<label>${t.severity} <select name="severity" data-severity>${severities.map(
      (severity) => html`<option value="${severity}"${item.classification.suggested_severity === severity ? html` selected` : ''}>${labels.severity[severity]}</option>`,
    )}</select></label>
<label>${t.note} <input name="note"></label>
<button>${item.civil_servant.agency.requires_four_eyes ? t.confirmForApproval : t.confirmAndForward}</button>
</form>`);
  }
  if (offered.has('dismiss')) {
    forms.push(html`<form data-api="${api}/decision" data-shortcut="x" data-next="${next}">
<input type="hidden" name="action" value="dismiss">
<label>${t.reason} <select name="reason">${dismissReasons.map(
      (reason) => html`<option value="${reason}">${labels.dismissReason[reason]}</option>`,
    )}</select></label>
<label>${t.note} <input name="note"></label>
<button>${t.dismiss}</button>
</form>`);
  }
  if (offered.has('escalate')) {
    forms.push(html`<form data-api="${api}/decision" data-shortcut="e" data-next="${next}">
<input type="hidden" name="action" value="escalate">
<label>${t.note} <input name="note" required></label>
<button>${t.escalate}</button>
</form>`);
  }
  if (offered.has('hold')) {
    forms.push(html`<form data-api="${api}/decision" data-next="${next}">
<input type="hidden" name="action" value="hold">
<label>${t.note} <input name="note" required></label>
<button>${t.hold}</button>
</form>`);
  }
  if (offered.has('release')) {
    forms.push(html`<form data-api="${api}/decision" data-shortcut="r" data-next="${next}"><input type="hidden" name="action" value="release"><button>${t.release}</button></form>`);
  }
  if (offered.has('approve')) {
    forms.push(html`<form data-api="${api}/decision" data-next="${next}"><input type="hidden" name="action" value="approve">
<label>${t.note} <input name="note"></label><button>${t.approve}</button></form>`);
  }
  if (offered.has('reopen')) {
    forms.push(html`<form data-api="${api}/decision"><input type="hidden" name="action" value="reopen">
<label>${t.reason} <input name="reason" required></label><button>${t.reopen}</button></form>`);
  }
  return html`${forms}`;
}
