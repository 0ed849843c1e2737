import { html } from '../html.js';
import type { Dictionary } from '../i18n.js';
import { layout } from './layout.js';

export interface LaporForm {
  url?: string;
  description?: string;
  contact?: string;
  errors?: string[];
}

/** The public report form: plain HTML, works without script, no sign-in. */
export function laporPage(dict: Dictionary, form: LaporForm = {}): string {
  const { t } = dict;
  return layout(
    { dict },
    t.reportTitle,
    html`<h1>${t.reportTitle}</h1>
<p>${t.reportIntro}</p>
${form.errors?.length ? html`<ul class="error" data-errors>${form.errors.map((e) => html`<li>${e}</li>`)}</ul>` : ''}
<form method="post" action="/lapor" enctype="multipart/form-data" class="report-form">
<label>${t.reportUrl} <input type="url" name="url" required maxlength="2048" value="${form.url ?? ''}"></label>
<label>${t.reportDescription} <textarea name="description" required minlength="10" maxlength="4000" rows="5">${form.description ?? ''}</textarea></label>
<label>${t.reportContact} <input name="contact" maxlength="300" value="${form.contact ?? ''}"></label>
<label>${t.reportScreenshot} <input type="file" name="screenshot" accept="image/png,image/jpeg,image/webp"></label>
<button>${t.reportSend}</button>
</form>`,
  );
}

export function laporReceivedPage(dict: Dictionary, id: string): string {
  const { t } = dict;
  return layout({ dict }, t.reportReceived, html`<h1>${t.reportReceived}</h1><p>${t.reportNumber}: <strong data-report-id>${id}</strong></p><p>${t.reportNext}</p>`);
}
