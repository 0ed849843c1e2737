// Draws the statistics page's charts with Chart.js (loaded before this file) from the figures
// the server put, escaped, into #stats-charts[data-series]. Text is set by Chart.js on a
// canvas, never as HTML.
(function () {
  'use strict';
  var container = document.getElementById('stats-charts');
  if (!container || typeof window.Chart === 'undefined') return;
  var series = JSON.parse(container.dataset.series);
  var colours = { flags: '#1f4e79', confirmed: '#c0392b' };

  function datasets(points, type) {
    return ['flags', 'confirmed'].map(function (key) {
      return {
        label: series.labels[key],
        data: points.map(function (p) { return p[key]; }),
        borderColor: colours[key],
        backgroundColor: type === 'line' ? colours[key] : colours[key] + 'cc',
        tension: 0.2,
      };
    });
  }

  function draw(id, type, points, options) {
    var canvas = document.getElementById(id);
    if (!canvas) return;
    var chart = new window.Chart(canvas, {
      type: type,
      data: { labels: points.map(function (p) { return p.x === null ? '—' : String(p.x); }), datasets: datasets(points, type) },
      options: Object.assign({ responsive: true, animation: false, scales: { y: { beginAtZero: true } } }, options || {}),
    });
    canvas.dataset.chart = 'ready';
    canvas.dataset.points = String(chart.data.labels.length);
  }

  // Long names (agencies, kinds of finding) wrap onto lines of their own instead of being cut.
  function wrapped(label) {
    var lines = [];
    String(label).split(' ').forEach(function (word) {
      var last = lines.length - 1;
      if (last >= 0 && (lines[last] + ' ' + word).length <= 18) lines[last] += ' ' + word;
      else lines.push(word);
    });
    return lines;
  }
  var wrappedTicks = { ticks: { autoSkip: false, callback: function (value) { return wrapped(this.getLabelForValue(value)); } } };

  draw('chart-trend', 'line', series.trend);
  draw('chart-phase', 'bar', series.byPhase, { scales: { x: wrappedTicks, y: { beginAtZero: true } } });
  draw('chart-code', 'bar', series.byCode, { scales: { x: wrappedTicks, y: { beginAtZero: true } } });
  draw('chart-platform', 'bar', series.byPlatform);
  draw('chart-severity', 'bar', series.bySeverity);
  draw('chart-agency', 'bar', series.byAgency, { indexAxis: 'y', scales: { x: { beginAtZero: true }, y: wrappedTicks } });
})();
