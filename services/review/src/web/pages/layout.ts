import { can } from '../../auth/permissions.js';
import type { Viewer } from '../../auth/sessions.js';
import { html, type SafeHtml } from '../html.js';
import { dictionaryFor, type Dictionary, type Lang } from '../i18n.js';

/** What a page for a signed-in person knows about the request. */
export interface PageSession {
  viewer: Viewer;
  csrfToken: string;
}

export interface PageContext {
  dict: Dictionary;
  session?: PageSession;
}

/**
 * The frame of every page. Every dynamic value goes through `html`, which escapes it; the only
 * script is /static/app.js (the CSP forbids inline ones).
 */
export function layout(page: PageContext, title: string, body: SafeHtml): string {
  const { t, lang, labels } = page.dict;
  const session = page.session;
  const other: Lang = lang === 'id' ? 'en' : 'id';
  return html`<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
${session ? html`<meta name="netra-csrf" content="${session.csrfToken}">` : ''}
<title>${title} · Netra</title>
<link rel="stylesheet" href="/static/app.css">
<script src="/static/app.js" defer></script>
</head>
<body>
<header>
<strong>Netra</strong>
${session
  ? html`<span>${session.viewer.displayName} (${labels.role[session.viewer.role]})</span>
<nav>${navigationOf(session.viewer, t)}</nav>`
  : ''}
<a href="?lang=${other}" class="lang">${t.otherLanguage}</a>
${session ? html`<form data-api="/api/session" data-method="DELETE" data-next="/"><button>${t.signOut}</button></form>` : ''}
</header>
<main>
${body}
</main>
</body>
</html>`.value;
}

export function errorPage(lang: Lang, statusCode: number, message: string): string {
  const dict = dictionaryFor(lang);
  return layout(
    { dict },
    `${dict.t.error} ${statusCode}`,
    html`<h1>${dict.t.error} ${statusCode}</h1><p>${message}</p><p><a href="/">${dict.t.backHome}</a></p>`,
  );
}

/** The pages this person may open, in the header of every page. */
function navigationOf(viewer: Viewer, t: Dictionary['t']): SafeHtml {
  const links: [string, string][] = [];
  if (can(viewer, 'review')) links.push(['/queue', t.queue]);
  links.push(['/stats', t.stats]);
  if (can(viewer, 'administer')) links.push(['/admin', t.admin], ['/admin/queues', t.jobQueues]);
  return html`${links.map(([href, label]) => html`<a href="${href}">${label}</a>`)}`;
}
