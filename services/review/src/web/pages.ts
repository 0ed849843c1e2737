import { dismissReasons, reviewStatuses, severities, violationCodes, type ReviewStatus } from '@netra/core';
import type { Viewer } from '../auth/sessions.js';
import type { CapturedPost, ReviewItemDetail } from '../review/detail.js';
import type { QueueFilter, QueueRow } from '../review/queue.js';
import { html, safeHref, type SafeHtml } from './html.js';

/**
 * The minimal review pages, rendered on the server in Bahasa Indonesia. Every dynamic value goes
 * through `html`, which escapes it; the only script is /static/app.js (the CSP forbids inline ones).
 */

const statusLabels: Record<ReviewStatus, string> = {
  open: 'Terbuka',
  claimed: 'Sedang ditinjau',
  escalated: 'Dieskalasi',
  confirmed: 'Dikonfirmasi',
  dismissed: 'Ditolak',
};

const dismissReasonLabels: Record<(typeof dismissReasons)[number], string> = {
  not_partisan: 'Tidak partisan',
  allowed_exception: 'Pengecualian yang diizinkan',
  not_this_persons_account: 'Bukan akun ASN ini',
  duplicate: 'Duplikat',
  other: 'Lainnya (wajib catatan)',
};

const engagementLabels = { like: 'Menyukai', share: 'Membagikan', comment: 'Mengomentari' } as const;

interface Session {
  viewer: Viewer;
  csrfToken: string;
}

function layout(title: string, body: SafeHtml, session?: Session): string {
  return html`<!doctype html>
<html lang="id">
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
${session ? html`<span>${session.viewer.displayName} (${session.viewer.role})</span>
<a href="/queue">Antrean</a>
<form data-api="/api/session" data-method="DELETE" data-next="/"><button>Keluar</button></form>` : ''}
</header>
<main>
${body}
</main>
</body>
</html>`.value;
}

export function signInPage(): string {
  return layout(
    'Masuk',
    html`<h1>Masuk</h1>
<form method="post" action="/api/session" data-api="/api/session" data-next="/queue">
<label>Email <input type="email" name="email" autocomplete="username" required></label>
<label>Kata sandi <input type="password" name="password" autocomplete="current-password" required></label>
<button>Masuk</button>
<p class="error" data-error></p>
</form>`,
  );
}

export function queuePage(session: Session, filter: QueueFilter, rows: QueueRow[], nextCursor: string | null): string {
  const selected = (on: boolean) => (on ? html` selected` : '');
  const nextQuery = nextCursor ? new URLSearchParams({ status: filter.status.join(','), cursor: nextCursor }) : null;
  return layout(
    'Antrean tinjauan',
    html`<h1>Antrean tinjauan</h1>
<form method="get" action="/queue" class="filters">
<label>Status <select name="status">
${['open,escalated', ...reviewStatuses].map(
  (value) => html`<option value="${value}"${selected(filter.status.join(',') === value)}>${value
    .split(',')
    .map((s) => statusLabels[s as ReviewStatus])
    .join(' + ')}</option>`,
)}
</select></label>
<label>Kode <select name="code"><option value="">(semua)</option>
${violationCodes.map((code) => html`<option${selected(filter.code === code)}>${code}</option>`)}
</select></label>
<button>Saring</button>
</form>
<table>
<thead><tr><th>#</th><th>Status</th><th>Prioritas</th><th>ASN</th><th>Instansi</th><th>Jenis</th><th>Kode</th><th>Cuplikan</th><th>Dibuka</th></tr></thead>
<tbody>
${rows.map(
  (row) => html`<tr>
<td><a href="/items/${row.id}">${row.id}</a></td>
<td>${statusLabels[row.status as ReviewStatus] ?? row.status}</td>
<td>${row.priority.toFixed(2)}</td>
<td>${row.civil_servant.name}</td>
<td>${row.agency.name}</td>
<td>${row.subject_kind} · ${row.platform}</td>
<td>${row.codes.join(', ')}</td>
<td class="excerpt">${row.excerpt}</td>
<td>${row.opened_at}</td>
</tr>`,
)}
</tbody>
</table>
${rows.length === 0 ? html`<p>Tidak ada butir.</p>` : ''}
${nextQuery ? html`<p><a href="/queue?${nextQuery.toString()}">Berikutnya →</a></p>` : ''}`,
    session,
  );
}

export function itemPage(session: Session, item: ReviewItemDetail): string {
  const cs = item.civil_servant;
  const api = `/api/review-items/${item.id}`;
  return layout(
    `Butir #${item.id}`,
    html`<h1>Butir tinjauan #${item.id}</h1>
<p>Status: <strong>${statusLabels[item.status]}</strong>
${item.claim ? html` — diklaim oleh ${item.claim.display_name} sampai ${item.claim.expires_at}` : ''}
· Prioritas ${item.priority.toFixed(2)} · Dibuka ${item.opened_at}</p>

<section>
<h2>ASN</h2>
<dl>
<dt>Nama</dt><dd>${cs.name}</dd>
<dt>NIP</dt><dd>${cs.nip}</dd>
<dt>Jabatan</dt><dd>${cs.position ?? '—'}</dd>
<dt>Instansi</dt><dd>${cs.agency.name} (${cs.agency.code})</dd>
<dt>Wilayah</dt><dd>${cs.region.name} (${cs.region.code})</dd>
</dl>
${cs.spouse_candidate
  ? html`<p class="warning">Pengecualian: pasangan ASN ini adalah calon (${cs.spouse_candidate.label}, ${cs.spouse_candidate.election}). Mendampingi pasangan tanpa gestur atau simbol dukungan diperbolehkan.</p>`
  : ''}
</section>

<section>
<h2>Konten</h2>
${item.subject.kind === 'post'
  ? capturedPost('Postingan ASN', item.subject.post)
  : html`<p>ASN ${engagementLabels[item.subject.engagement_kind]} postingan berikut (pertama terlihat ${item.subject.first_seen_at}).</p>
${item.subject.comment_post ? capturedPost('Komentar ASN', item.subject.comment_post) : ''}
${capturedPost('Postingan yang dituju', item.subject.target_post)}`}
</section>

<section>
<h2>Klasifikasi</h2>
<dl>
<dt>Skor</dt><dd>${item.classification.score.toFixed(2)}</dd>
<dt>Kode</dt><dd>${item.classification.codes.join(', ')}</dd>
<dt>Tingkat saran</dt><dd>${item.classification.suggested_severity ?? '—'}</dd>
<dt>Versi pengklasifikasi</dt><dd>${item.classification.classifier_version}</dd>
</dl>
<h3>Bukti</h3>
${renderValue(item.classification.evidence)}
</section>

<section>
<h2>Keputusan</h2>
<p class="error" data-error></p>
<form data-api="${api}/claim"><button>Klaim</button></form>
<form data-api="${api}/decision">
<input type="hidden" name="action" value="confirm">
<label>Kode <select name="code">${violationCodes.map(
  (code) => html`<option${item.classification.codes[0] === code ? html` selected` : ''}>${code}</option>`,
)}</select></label>
<label>Tingkat <select name="severity">${severities.map(
  (severity) => html`<option${item.classification.suggested_severity === severity ? html` selected` : ''}>${severity}</option>`,
)}</select></label>
<label>Catatan <input name="note"></label>
<button>Konfirmasi &amp; teruskan</button>
</form>
<form data-api="${api}/decision">
<input type="hidden" name="action" value="dismiss">
<label>Alasan <select name="reason">${dismissReasons.map(
  (reason) => html`<option value="${reason}">${dismissReasonLabels[reason]}</option>`,
)}</select></label>
<label>Catatan <input name="note"></label>
<button>Tolak</button>
</form>
<form data-api="${api}/decision">
<input type="hidden" name="action" value="escalate">
<label>Catatan <input name="note" required></label>
<button>Eskalasi</button>
</form>
<form data-api="${api}/decision"><input type="hidden" name="action" value="release"><button>Lepas klaim</button></form>
</section>

<section>
<h2>Riwayat</h2>
<table>
<thead><tr><th>#</th><th>Peristiwa</th><th>Oleh</th><th>Waktu</th><th>Rincian</th></tr></thead>
<tbody>
${item.history.map(
  (entry) => html`<tr><td>${entry.seq}</td><td>${entry.type}</td><td>${entry.actor?.display_name ?? 'sistem'}</td><td>${entry.at}</td><td>${renderValue(entry.payload)}</td></tr>`,
)}
</tbody>
</table>
</section>`,
    session,
  );
}

export function errorPage(statusCode: number, message: string): string {
  return layout(`Galat ${statusCode}`, html`<h1>Galat ${statusCode}</h1><p>${message}</p><p><a href="/queue">Kembali ke antrean</a></p>`);
}

function capturedPost(title: string, post: CapturedPost): SafeHtml {
  const href = safeHref(post.url);
  return html`<article class="captured">
<h3>${title} — @${post.author_handle} (${post.platform})</h3>
<blockquote class="post-text">${post.text}</blockquote>
<dl>
<dt>URL</dt><dd>${href ? html`<a href="${href}" rel="noopener noreferrer" target="_blank">${href}</a>` : (post.url ?? '—')}</dd>
<dt>Diposting</dt><dd>${post.posted_at}</dd>
<dt>Diambil</dt><dd>${post.captured_at}</dd>
<dt>SHA-256</dt><dd><code>${post.content_sha256}</code></dd>
${post.deleted_at ? html`<dt>Dihapus di platform</dt><dd>${post.deleted_at}</dd>` : ''}
</dl>
</article>`;
}

const MAX_DEPTH = 6;

/** Renders stored JSON (evidence, event payloads) of any shape as nested lists. */
function renderValue(value: unknown, depth = 0): SafeHtml {
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
