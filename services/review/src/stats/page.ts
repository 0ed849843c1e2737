import type { StatsQuery, StatsReport, StatsRow } from '@netra/stats';
import { html, type SafeHtml } from '../web/html.js';
import { dictionaryFor, type Lang } from '../web/i18n.js';
import { layout, type PageSession } from '../web/pages/layout.js';
import type { StatsPageData } from './page-data.js';

const labels = {
  id: {
    title: 'Statistik',
    from: 'Dari',
    to: 'Sampai',
    election: 'Pemilihan',
    agency: 'Instansi',
    all: 'Semua',
    apply: 'Terapkan',
    download: 'Unduh CSV',
    flags: 'Temuan',
    confirmed: 'Pelanggaran dikonfirmasi',
    dismissed: 'Ditolak',
    pending: 'Belum diputus',
    confirmRate: 'Tingkat konfirmasi',
    median: 'Median waktu putusan',
    p90: 'P90 waktu putusan',
    trend: 'Tren harian',
    byCode: 'Menurut jenis pelanggaran',
    byAgency: 'Menurut instansi',
    byRegion: 'Menurut wilayah',
    backlog: 'Antrean menurut umur',
    code: 'Kode',
    province: 'Provinsi',
    regency: 'Kabupaten/Kota',
    refreshed: 'Data statistik diperbarui',
    never: 'belum pernah',
    empty: 'Tidak ada data untuk pilihan ini.',
    ages: ['< 1 hari', '1–3 hari', '3–7 hari', '7–14 hari', '≥ 14 hari'],
  },
  en: {
    title: 'Statistics',
    from: 'From',
    to: 'To',
    election: 'Election',
    agency: 'Agency',
    all: 'All',
    apply: 'Apply',
    download: 'Download CSV',
    flags: 'Flags',
    confirmed: 'Confirmed violations',
    dismissed: 'Dismissed',
    pending: 'Undecided',
    confirmRate: 'Confirm rate',
    median: 'Median time to decision',
    p90: 'P90 time to decision',
    trend: 'Daily trend',
    byCode: 'By violation code',
    byAgency: 'By agency',
    byRegion: 'By region',
    backlog: 'Backlog by age',
    code: 'Code',
    province: 'Province',
    regency: 'Regency/City',
    refreshed: 'Statistics refreshed',
    never: 'never',
    empty: 'No data for this selection.',
    ages: ['< 1 day', '1–3 days', '3–7 days', '7–14 days', '≥ 14 days'],
  },
} as const;

type Labels = (typeof labels)[Lang];

/**
 * The statistics page: filters, headline figures, charts (drawn by /stats/assets/stats.js with
 * Chart.js from the data in data-series attributes; escaped like every other value) and the
 * same figures as tables, so they read without script and print.
 */
export function statsPage(lang: Lang, session: PageSession, query: StatsQuery, data: StatsPageData): string {
  const l = labels[lang];
  const totals = data.total.rows[0] ?? {};
  const times = data.decisionTimes.rows[0] ?? {};
  const csvQuery = (by: string) => new URLSearchParams({ ...filterParams(query), by, format: 'csv' }).toString();
  const series = {
    labels: { flags: l.flags, confirmed: l.confirmed },
    trend: data.byDay.rows.map((r) => ({ x: r.day, flags: r.flags, confirmed: r.confirmed })),
    byCode: data.byCode.rows.map((r) => ({ x: r.code, flags: r.flags, confirmed: r.confirmed })),
    byAgency: data.byAgency.rows.slice(0, 20).map((r) => ({ x: r.agency_name, flags: r.flags, confirmed: r.confirmed })),
  };
  const body = html`<h1>${l.title}</h1>
<form method="get" action="/stats" class="filters stats-filters">
<label>${l.from} <input type="date" name="from" value="${query.from ?? ''}"></label>
<label>${l.to} <input type="date" name="to" value="${query.to ?? ''}"></label>
<label>${l.election} <select name="election"><option value="">${l.all}</option>${data.elections.map(
    (e) => html`<option value="${e.code}"${e.code === query.election ? html` selected` : ''}>${e.name}</option>`,
  )}</select></label>
<label>${l.agency} <select name="agency">${data.agencies.length > 1 ? html`<option value="">${l.all}</option>` : ''}${data.agencies.map(
    (a) => html`<option value="${a.code}"${a.code === query.agency ? html` selected` : ''}>${a.name}</option>`,
  )}</select></label>
<button>${l.apply}</button>
<a class="button" id="download-csv" href="/api/stats?${csvQuery('agency,code')}" download>${l.download}</a>
</form>
<p class="muted">${l.refreshed}: ${data.total.refreshed_at ? data.total.refreshed_at.replace('T', ' ').slice(0, 16) + ' UTC' : l.never}</p>
<dl class="headline">
${figure(l.flags, totals.flags)}${figure(l.confirmed, totals.confirmed)}${figure(l.dismissed, totals.dismissed)}${figure(l.pending, totals.pending)}
${figure(l.confirmRate, percent(totals.confirm_rate))}${figure(l.median, duration(times.median_seconds))}${figure(l.p90, duration(times.p90_seconds))}
</dl>
<div id="stats-charts" data-series="${JSON.stringify(series)}">
<section><h2>${l.trend}</h2><canvas id="chart-trend" role="img" aria-label="${l.trend}"></canvas></section>
<section><h2>${l.byCode}</h2><canvas id="chart-code" role="img" aria-label="${l.byCode}"></canvas>
${countsTable(l, data.byCode, [['code', l.code]])}</section>
<section><h2>${l.byAgency}</h2><canvas id="chart-agency" role="img" aria-label="${l.byAgency}"></canvas>
${countsTable(l, data.byAgency, [['agency_name', l.agency]])}</section>
</div>
<section><h2>${l.byRegion}</h2>${regionTable(l, data.byRegion)}
<p><a href="/api/stats?${csvQuery('province,regency')}" download>${l.download}</a></p></section>
<section><h2>${l.backlog}</h2>${backlogTable(l, data.backlog)}</section>
<link rel="stylesheet" href="/stats/assets/stats.css">
<script src="/stats/assets/chart.umd.min.js" defer></script>
<script src="/stats/assets/stats.js" defer></script>`;
  return layout({ dict: dictionaryFor(lang), session }, l.title, body);
}

function filterParams(query: StatsQuery): Record<string, string> {
  const entries = Object.entries({ from: query.from, to: query.to, election: query.election, agency: query.agency });
  return Object.fromEntries(entries.filter((e): e is [string, string] => typeof e[1] === 'string'));
}

function figure(label: string, value: StatsRow[string] | undefined): SafeHtml {
  return html`<div><dt>${label}</dt><dd>${value ?? '—'}</dd></div>`;
}

const percent = (rate: StatsRow[string] | undefined) => (typeof rate === 'number' ? `${(rate * 100).toFixed(1)}%` : '—');

function duration(seconds: StatsRow[string] | undefined): string {
  if (typeof seconds !== 'number') return '—';
  if (seconds < 3600) return `${Math.round(seconds / 60)} min`;
  if (seconds < 172_800) return `${(seconds / 3600).toFixed(1)} h`;
  return `${(seconds / 86_400).toFixed(1)} d`;
}

function countsTable(l: Labels, report: StatsReport, keys: [string, string][]): SafeHtml {
  if (report.rows.length === 0) return html`<p class="muted">${l.empty}</p>`;
  return html`<table class="stats">
<thead><tr>${keys.map(([, label]) => html`<th>${label}</th>`)}<th>${l.flags}</th><th>${l.confirmed}</th><th>${l.dismissed}</th><th>${l.pending}</th><th>${l.confirmRate}</th></tr></thead>
<tbody>${report.rows.map(
    (r) => html`<tr>${keys.map(([key]) => html`<td>${r[key] ?? '—'}</td>`)}<td>${r.flags}</td><td>${r.confirmed}</td><td>${r.dismissed}</td><td>${r.pending}</td><td>${percent(r.confirm_rate)}</td></tr>`,
  )}</tbody>
</table>`;
}

/**
 * The map-like view: provinces with their regencies beneath, each row shaded by its share of the
 * busiest region's flags (CSS classes, since the CSP allows no inline style).
 */
function regionTable(l: Labels, report: StatsReport): SafeHtml {
  if (report.rows.length === 0) return html`<p class="muted">${l.empty}</p>`;
  // A suppressed count ("<5") is below every shown one: the lightest shade.
  const flagsOf = (r: StatsRow) => (typeof r.flags === 'number' ? r.flags : 1);
  const max = Math.max(...report.rows.map(flagsOf), 1);
  const provinces = new Map<string, StatsRow[]>();
  for (const row of report.rows) provinces.set(String(row.province_code), [...(provinces.get(String(row.province_code)) ?? []), row]);
  const heat = (row: StatsRow) => `heat-${Math.min(5, Math.ceil((flagsOf(row) / max) * 5))}`;
  return html`<table class="stats regions">
<thead><tr><th>${l.province}</th><th>${l.regency}</th><th>${l.flags}</th><th>${l.confirmed}</th><th>${l.confirmRate}</th></tr></thead>
<tbody>${[...provinces.values()].map((rows) =>
    rows.map(
      (r, i) => html`<tr class="${heat(r)}">${i === 0 ? html`<th rowspan="${rows.length}" scope="rowgroup">${r.province_name ?? r.province_code}</th>` : ''}<td>${r.regency_name ?? r.regency_code}</td><td>${r.flags}</td><td>${r.confirmed}</td><td>${percent(r.confirm_rate)}</td></tr>`,
    ),
  )}</tbody>
</table>`;
}

function backlogTable(l: Labels, report: StatsReport): SafeHtml {
  const r = report.rows[0] ?? {};
  const cells = [r.under_1d, r.from_1d_to_3d, r.from_3d_to_7d, r.from_7d_to_14d, r.over_14d];
  return html`<table class="stats backlog">
<thead><tr>${l.ages.map((age) => html`<th>${age}</th>`)}<th>${l.pending}</th></tr></thead>
<tbody><tr>${cells.map((c) => html`<td>${c ?? 0}</td>`)}<td>${r.undecided ?? 0}</td></tr></tbody>
</table>`;
}
