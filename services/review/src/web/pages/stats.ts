import type { ElectionPhase, StatsQuery, StatsReport, StatsRow } from '@netra/stats';
import { html, type SafeHtml } from '../html.js';
import { dictionaryFor, type Dictionary, type Lang } from '../i18n.js';
import { codeLabel, severityLabel } from './fragments.js';
import { layout, type PageSession } from './layout.js';
import { count, decimal, percentage } from '../numbers.js';
import { when } from '../time.js';
import type { StatsPageData } from '../../stats/page-data.js';
import { provinceTiles } from './province-tiles.js';

type Words = Dictionary['labels']['stats'];

/**
 * The statistics page: filters, headline figures, charts (drawn by /stats/assets/stats.js with
 * Chart.js from the data in data-series attributes; escaped like every other value) and the
 * same figures as tables, so they read without script and print.
 */
export function statsPage(lang: Lang, session: PageSession, query: StatsQuery, data: StatsPageData): string {
  const dict = dictionaryFor(lang);
  const l = dict.labels.stats;
  const names = dimensionNames(dict);
  const f = figuresIn(lang);
  const totals = data.total.rows[0] ?? {};
  const times = data.decisionTimes.rows[0] ?? {};
  const csvQuery = (by: string) => new URLSearchParams({ ...filterParams(query), by, format: 'csv' }).toString();
  const points = (report: StatsReport, key: string, name: (value: string) => string = String) =>
    report.rows.map((r) => ({ x: r[key] === null ? '—' : name(String(r[key])), flags: r.flags, confirmed: r.confirmed }));
  const series = {
    labels: { flags: l.flags, confirmed: l.confirmed },
    trend: points(data.byDay, 'day'),
    byPhase: points(data.byPhase, 'phase', names.phase),
    byCode: points(data.byCode, 'code', names.code),
    byPlatform: points(data.byPlatform, 'platform'),
    bySeverity: points(data.bySeverity, 'severity', names.severity),
    byAgency: points({ ...data.byAgency, rows: data.byAgency.rows.slice(0, 20) }, 'agency_name'),
  };
  const chart = (id: string, title: string, table: SafeHtml | '' = '') =>
    html`<section><h2>${title}</h2><canvas id="${id}" role="img" aria-label="${title}"></canvas>${table}</section>`;
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
<p class="muted">${l.refreshed}: ${data.total.refreshed_at ? when(data.total.refreshed_at) : l.never}</p>
<p class="muted" data-disclaimer>${l.disclaimer}</p>
<dl class="headline">
${figure(l.flags, f.count(totals.flags))}${figure(l.confirmed, f.count(totals.confirmed))}${figure(l.dismissed, f.count(totals.dismissed))}${figure(l.pending, f.count(totals.pending))}
${figure(l.confirmRate, f.rate(totals.confirm_rate), ofDecided(l, f, totals))}${figure(l.median, f.duration(times.median_seconds))}${figure(l.p90, f.duration(times.p90_seconds))}
</dl>
<div id="stats-charts" data-series="${JSON.stringify(series)}">
<section><h2>${l.trend}</h2><p class="muted">${l.trendNote}</p><canvas id="chart-trend" role="img" aria-label="${l.trend}"></canvas></section>
${chart('chart-phase', l.byPhase, countsTable(l, f, data.byPhase, [['phase', l.phase, names.phase]]))}
${chart('chart-code', l.byCode, countsTable(l, f, data.byCode, [['code', l.code, names.code]]))}
${chart('chart-platform', l.byPlatform, countsTable(l, f, data.byPlatform, [['platform', l.platform]]))}
${chart('chart-severity', l.bySeverity, countsTable(l, f, data.bySeverity, [['severity', l.severity, names.severity]]))}
${chart('chart-agency', l.byAgency, countsTable(l, f, data.byAgency, [['agency_name', l.agency]]))}
</div>
<section><h2>${l.map}</h2>${provinceMap(l, f, data.byProvince)}</section>
<section><h2>${l.byRegion}</h2>${regionTable(l, f, data.byRegion)}
<p><a href="/api/stats?${csvQuery('province,regency')}" download>${l.download}</a></p></section>
<section><h2>${l.backlog}</h2>${backlogTable(l, f, data.backlog)}</section>
<link rel="stylesheet" href="/stats/assets/stats.css">
<script src="/stats/assets/chart.umd.min.js" defer></script>
<script src="/stats/assets/stats.js" defer></script>`;
  return layout({ dict, session }, l.title, body);
}

/** How a dimension's stored values read on the page: labels for codes, severities and phases. */
function dimensionNames(dict: Dictionary) {
  return {
    code: (code: string) => codeLabel(dict, code),
    severity: (severity: string) => severityLabel(dict, severity),
    phase: (phase: string) => dict.labels.phase[phase as ElectionPhase] ?? phase,
  };
}

/** "3 dari 4 diputus" under a rate: a rate says little without the counts it is made of. */
function ofDecided(l: Words, f: Figures, row: StatsRow): string {
  return row.decided === undefined || row.decided === null ? '' : l.ofDecided(f.count(row.confirmed ?? 0), f.count(row.decided));
}

function filterParams(query: StatsQuery): Record<string, string> {
  const entries = Object.entries({ from: query.from, to: query.to, election: query.election, agency: query.agency });
  return Object.fromEntries(entries.filter((e): e is [string, string] => typeof e[1] === 'string'));
}

function figure(label: string, value: string, note = ''): SafeHtml {
  return html`<div><dt>${label}</dt><dd>${value}${note ? html` <small data-counts>${note}</small>` : ''}</dd></div>`;
}

/** The page's numbers as its language writes them; a suppressed count ("<5") and a missing rate as they are. */
type Figures = ReturnType<typeof figuresIn>;

function figuresIn(lang: Lang) {
  return {
    count: (value: StatsRow[string] | undefined) => count(lang, value),
    rate: (rate: StatsRow[string] | undefined) => (typeof rate === 'number' ? percentage(lang, rate) : '—'),
    duration: (seconds: StatsRow[string] | undefined) => {
      if (typeof seconds !== 'number') return '—';
      if (seconds < 3600) return `${Math.round(seconds / 60)} min`;
      if (seconds < 172_800) return `${decimal(lang, seconds / 3600, 1)} h`;
      return `${decimal(lang, seconds / 86_400, 1)} d`;
    },
  };
}

/** One row per group: its label, then every count beside the rate they make. */
function countsTable(l: Words, f: Figures, report: StatsReport, keys: [key: string, label: string, name?: (value: string) => string][]): SafeHtml {
  if (report.rows.length === 0) return html`<p class="muted">${l.empty}</p>`;
  return html`<table class="stats">
<thead><tr>${keys.map(([, label]) => html`<th>${label}</th>`)}<th>${l.flags}</th><th>${l.confirmed}</th><th>${l.dismissed}</th><th>${l.pending}</th><th>${l.confirmRate}</th></tr></thead>
<tbody>${report.rows.map(
    (r) =>
      html`<tr>${keys.map(([key, , name]) => html`<td>${r[key] === null || r[key] === undefined ? '—' : (name ?? String)(String(r[key]))}</td>`)}<td>${f.count(r.flags)}</td><td>${f.count(r.confirmed)}</td><td>${f.count(r.dismissed)}</td><td>${f.count(r.pending)}</td><td>${f.rate(r.confirm_rate)}</td></tr>`,
  )}</tbody>
</table>`;
}

/**
 * Provinces as a tile grid (province-tiles.ts), each shaded by its share of the busiest
 * province's flags and titled with its counts; provinces without flags stay pale. Placed by CSS
 * classes, since the CSP allows no inline style.
 */
function provinceMap(l: Words, f: Figures, report: StatsReport): SafeHtml {
  const rows = new Map(report.rows.map((r) => [String(r.province_code), r]));
  const max = Math.max(...report.rows.map(flagsOf), 1);
  return html`<p class="muted">${l.mapNote}</p>
<div class="tile-map" role="list" aria-label="${l.map}">${provinceTiles.map((tile) => {
    const r = rows.get(tile.code);
    const name = String(r?.province_name ?? tile.short);
    const title = r ? `${name}: ${l.flags} ${f.count(r.flags)}, ${l.confirmed} ${f.count(r.confirmed)}` : `${name}: 0`;
    return html`<div role="listitem" class="tile col-${tile.column} row-${tile.row} ${r ? heatOf(flagsOf(r), max) : 'heat-0'}" title="${title}" data-province="${tile.code}"><span>${tile.short}</span><strong>${f.count(r?.flags ?? 0)}</strong></div>`;
  })}</div>`;
}

// A suppressed count ("<5") is below every shown one: the lightest shade.
const flagsOf = (r: StatsRow) => (typeof r.flags === 'number' ? r.flags : 1);
const heatOf = (flags: number, max: number) => `heat-${Math.min(5, Math.ceil((flags / max) * 5))}`;

/**
 * The map-like view: provinces with their regencies beneath, each row shaded by its share of the
 * busiest region's flags (CSS classes, since the CSP allows no inline style).
 */
function regionTable(l: Words, f: Figures, report: StatsReport): SafeHtml {
  if (report.rows.length === 0) return html`<p class="muted">${l.empty}</p>`;
  const max = Math.max(...report.rows.map(flagsOf), 1);
  const provinces = new Map<string, StatsRow[]>();
  for (const row of report.rows) provinces.set(String(row.province_code), [...(provinces.get(String(row.province_code)) ?? []), row]);
  return html`<table class="stats regions">
<thead><tr><th>${l.province}</th><th>${l.regency}</th><th>${l.flags}</th><th>${l.confirmed}</th><th>${l.decided}</th><th>${l.confirmRate}</th></tr></thead>
<tbody>${[...provinces.values()].map((rows) =>
    rows.map(
      (r, i) => html`<tr class="${heatOf(flagsOf(r), max)}">${i === 0 ? html`<th rowspan="${rows.length}" scope="rowgroup">${r.province_name ?? r.province_code}</th>` : ''}<td>${r.regency_name ?? r.regency_code}</td><td>${f.count(r.flags)}</td><td>${f.count(r.confirmed)}</td><td>${f.count(r.decided)}</td><td>${f.rate(r.confirm_rate)}</td></tr>`,
    ),
  )}</tbody>
</table>`;
}

function backlogTable(l: Words, f: Figures, report: StatsReport): SafeHtml {
  const r = report.rows[0] ?? {};
  const cells = [r.under_1d, r.from_1d_to_3d, r.from_3d_to_7d, r.from_7d_to_14d, r.over_14d];
  return html`<table class="stats backlog">
<thead><tr>${l.ages.map((age) => html`<th>${age}</th>`)}<th>${l.pending}</th></tr></thead>
<tbody><tr>${cells.map((c) => html`<td>${f.count(c ?? 0)}</td>`)}<td>${f.count(r.undecided ?? 0)}</td></tr></tbody>
</table>`;
}
