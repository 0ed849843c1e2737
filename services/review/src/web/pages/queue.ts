import { anyPlatforms, dismissReasons, reviewStatuses, violationCodes, type ReviewStatus } from '@netra/core';
import { queueOrders } from '@netra/db';
import type { QueueFilter, QueueRow, QueueSummary } from '../../review/queue.js';
import { html } from '../html.js';
import type { Dictionary } from '../i18n.js';
import { codeLabels, priorityExplained } from './fragments.js';
import { layout, type PageSession } from './layout.js';
import { itemHref } from './links.js';
import { decimal } from '../numbers.js';
import { when } from '../time.js';

export interface QueueChoices {
  agencies: { id: number; code: string; name: string }[];
  regions: { code: string; name: string }[];
  elections: { code: string; name: string }[];
}

export interface QueueView {
  filter: QueueFilter;
  rows: QueueRow[];
  nextCursor: string | null;
  summary: QueueSummary;
  choices: QueueChoices;
  now: Date;
}

const statusChoices = ['open,escalated', ...reviewStatuses];

export function queuePage(dict: Dictionary, session: PageSession, view: QueueView): string {
  const { t, labels } = dict;
  const { filter, rows, summary, choices } = view;
  const selected = (on: boolean) => (on ? html` selected` : '');
  const day = (date: Date | undefined) => (date ? date.toISOString().slice(0, 10) : '');
  const nextQuery = view.nextCursor ? new URLSearchParams({ ...filterParams(filter), cursor: view.nextCursor }) : null;
  // An agency's own team sees one agency: its column and filter would only repeat it.
  const showAgency = choices.agencies.length > 1;
  const electionName = (code: string) => choices.elections.find((e) => e.code === code)?.name ?? code;
  const waitedHours = summary.oldest_waiting_opened_at
    ? Math.floor((view.now.getTime() - summary.oldest_waiting_opened_at.getTime()) / 3_600_000)
    : null;
  return layout(
    { dict, session },
    t.queueTitle,
    html`<h1>${t.queueTitle}</h1>
<p class="counts" data-counts>${t.counts}: ${reviewStatuses.map(
      (status) => html`<span data-status="${status}">${labels.status[status]} <strong>${summary.counts[status]}</strong></span> `,
    )}
${waitedHours !== null ? html`· ${t.oldestWaiting}: <strong>${waitedHours} ${t.hours}</strong> (${when(summary.oldest_waiting_opened_at)})` : ''}</p>
<form method="get" action="/queue" class="filters">
<label>${t.status} <select name="status">${statusChoices.map(
      (value) => html`<option value="${value}"${selected(filter.status.join(',') === value)}>${value
        .split(',')
        .map((s) => labels.status[s as ReviewStatus])
        .join(' + ')}</option>`,
    )}</select></label>
${showAgency
      ? html`<label>${t.agency} <select name="agency"><option value="">${t.all}</option>${choices.agencies.map(
          (a) => html`<option value="${a.id}"${selected(filter.agency === a.id)}>${a.code}</option>`,
        )}</select></label>`
      : ''}
<label>${t.region} <select name="region"><option value="">${t.all}</option>${choices.regions.map(
      (r) => html`<option value="${r.code}"${selected(filter.region === r.code)}>${r.name}</option>`,
    )}</select></label>
<label>${t.code} <select name="code"><option value="">${t.all}</option>${violationCodes.map(
      (code) => html`<option value="${code}"${selected(filter.code === code)}>${labels.code[code]}</option>`,
    )}</select></label>
<label>${t.platform} <select name="platform"><option value="">${t.all}</option>${anyPlatforms.map(
      (p) => html`<option${selected(filter.platform === p)}>${p}</option>`,
    )}</select></label>
<label>${t.election} <select name="election"><option value="">${t.all}</option>${choices.elections.map(
      (e) => html`<option value="${e.code}"${selected(filter.election === e.code)}>${e.name}</option>`,
    )}</select></label>
<label>${t.from} <input type="date" name="from" value="${day(filter.from)}"></label>
<label>${t.to} <input type="date" name="to" value="${day(filter.to)}"></label>
<label>${t.sortBy} <select name="sort">${queueOrders.map(
      (order) => html`<option value="${order}"${selected(filter.sort === order)}>${labels.queueOrder[order]}</option>`,
    )}</select></label>
<button>${t.filter}</button>
</form>
<form data-api="/api/review-items/bulk-dismiss" id="bulk" class="bulk">
${rows.length === 0
      ? html`<p>${t.noItems}</p>`
      : html`<div class="bulk-bar">
<label><input type="checkbox" data-select-all> ${t.selectAll}</label>
<label>${t.reason} <select name="reason">${dismissReasons.map(
          (reason) => html`<option value="${reason}">${labels.dismissReason[reason]}</option>`,
        )}</select></label>
<label>${t.note} <input name="note"></label>
<button>${t.bulkDismiss}</button>
<p class="error" data-error></p>
</div>
<table class="queue">
<thead><tr><th>${t.select}</th><th>#</th><th>${t.status}</th><th>${t.priority}</th><th>${t.civilServant}</th>${showAgency ? html`<th>${t.agency}</th>` : ''}<th>${t.kind}</th><th>${t.code}</th><th>${t.severity}</th><th>${t.candidate}</th><th>${t.election}</th><th>${t.excerpt}</th><th>${t.opened}</th></tr></thead>
<tbody>
${rows.map(
          (row) => html`<tr data-item-row>
<td><input type="checkbox" name="ids[]" value="${row.id}" aria-label="${t.select} ${row.id}"></td>
<td><a href="${itemHref(row.id, filter.sort)}" data-item-link>${row.id}</a></td>
<td data-label="${t.status}">${labels.status[row.status as ReviewStatus] ?? row.status}</td>
<td data-label="${t.priority}" title="${priorityExplained(dict, row.priority_parts)}">${decimal(dict.lang, row.priority)}</td>
<td data-label="${t.civilServant}">${row.civil_servant.name}</td>
${showAgency ? html`<td data-label="${t.agency}">${row.agency.code}</td>` : ''}
<td data-label="${t.kind}">${labels.subjectKind[row.subject_kind]} · ${row.platform}${row.from_report ? html` · <strong data-from-report>${t.fromReport.toLowerCase()}</strong>` : ''}</td>
<td data-label="${t.code}">${codeLabels(dict, row.codes)}</td>
<td data-label="${t.severity}">${row.severity ? labels.severity[row.severity] : '—'}</td>
<td data-label="${t.candidate}">${row.candidates.join(', ') || '—'}</td>
<td data-label="${t.election}">${row.election_codes.map(electionName).join(', ') || '—'}</td>
<td class="excerpt">${row.excerpt}</td>
<td data-label="${t.opened}">${when(row.opened_at)}</td>
</tr>`,
        )}
</tbody>
</table>`}
</form>
${nextQuery ? html`<p><a href="/queue?${nextQuery.toString()}">${t.next}</a></p>` : ''}
<p class="hint">${t.shortcuts}</p>`,
  );
}

/** The filter as query parameters, for the next page's link. */
function filterParams(filter: QueueFilter): Record<string, string> {
  const params: Record<string, string> = { status: filter.status.join(','), sort: filter.sort };
  if (filter.agency !== undefined) params.agency = String(filter.agency);
  for (const key of ['region', 'code', 'platform', 'election'] as const) if (filter[key]) params[key] = filter[key]!;
  if (filter.from) params.from = filter.from.toISOString();
  if (filter.to) params.to = filter.to.toISOString();
  return params;
}
