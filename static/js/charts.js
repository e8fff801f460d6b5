// The charts page: draws the numbers the server put in <script id="chart-data"
// type="application/json"> (json_script) with Chart.js, its date adapter (a real time
// axis: days without figures are gaps) and its zoom plug-in (drag to pan, Ctrl + wheel or
// pinch to zoom, a "Reset zoom" button). Clicking a bar opens the records behind it.
// Redrawn whenever htmx swaps #charts-body after a filter change.
(function () {
  "use strict";

  // Ten colours: the server folds the rest of a chart's categories into "other".
  var PALETTE = [
    "#1f5fbf", "#d1495b", "#edae49", "#00798c", "#66a182",
    "#8d6a9f", "#e07a5f", "#3d405b", "#9c6644", "#6c757d"
  ];
  var charts = [];

  function colour(index, alpha) {
    var hex = PALETTE[(index || 0) % PALETTE.length];
    if (alpha === undefined) { return hex; }
    var r = parseInt(hex.slice(1, 3), 16), g = parseInt(hex.slice(3, 5), 16), b = parseInt(hex.slice(5, 7), 16);
    return "rgba(" + r + "," + g + "," + b + "," + alpha + ")";
  }

  function formatNumber(value) {
    return typeof value === "number" ? value.toLocaleString("en-GB") : value;
  }

  // Axis ticks in short form: 2,500,000,000 reads as 2.5bn.
  function shortNumber(value) {
    var size = Math.abs(value);
    if (size >= 1e9) { return (value / 1e9).toLocaleString("en-GB", { maximumFractionDigits: 1 }) + "bn"; }
    if (size >= 1e6) { return (value / 1e6).toLocaleString("en-GB", { maximumFractionDigits: 1 }) + "m"; }
    return formatNumber(value);
  }

  // The records page of a bar: the chart's base address (filters and chart options) and the bar's own.
  function recordsUrl(base, bar, extra) {
    var query = new URLSearchParams();
    function add(name, value) {
      if (Array.isArray(value)) { value.forEach(function (one) { query.append(name, one); }); }
      else if (value !== undefined && value !== null && value !== "") { query.append(name, value); }
    }
    Object.keys(bar || {}).forEach(function (name) { add(name, bar[name]); });
    Object.keys(extra || {}).forEach(function (name) { add(name, extra[name]); });
    var text = query.toString();
    return text ? base + (base.indexOf("?") >= 0 ? "&" : "?") + text : base;
  }

  // Clicking a bar opens what its dataset says: dataset.url(index) gives the address.
  function onBarClick(event, elements, chart) {
    if (!elements.length) { return; }
    var element = elements[0];
    var dataset = chart.data.datasets[element.datasetIndex];
    var url = dataset.url && dataset.url(element.index);
    if (url) { window.location.assign(url); }
  }

  function hoverPointer(event, elements) {
    var target = event.native && event.native.target;
    if (target) { target.style.cursor = elements.length ? "pointer" : "default"; }
  }

  function zoomOptions() {
    return {
      limits: { x: { min: "original", max: "original" } },
      pan: { enabled: true, mode: "x" },
      zoom: { wheel: { enabled: true, modifierKey: "ctrl" }, pinch: { enabled: true }, mode: "x" }
    };
  }

  function baseOptions(zoomable) {
    var options = {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      interaction: { mode: "nearest", intersect: true },
      onClick: onBarClick,
      onHover: hoverPointer,
      plugins: {
        legend: { position: "bottom", labels: { boxWidth: 12 } },
        tooltip: { callbacks: { label: function (ctx) {
          var value = ctx.chart.options.indexAxis === "y" ? ctx.parsed.x : ctx.parsed.y;
          return ctx.dataset.label + ": " + formatNumber(value);
        } } }
      }
    };
    if (zoomable && window.ChartZoom) { options.plugins.zoom = zoomOptions(); }
    return options;
  }

  function timeAxis(unit) {
    return {
      type: "time", stacked: true, offset: true,
      time: { unit: unit, isoWeekday: true, tooltipFormat: unit === "week" ? "'week of' d MMM yyyy" : "d MMM yyyy",
              displayFormats: { day: "d MMM yyyy", week: "d MMM yyyy", month: "MMM yyyy" } },
      ticks: { maxRotation: 0, autoSkip: true, source: "auto" }
    };
  }

  function lossesChart(canvas, series) {
    var datasets = series.datasets.map(function (set) {
      var url = function (index) { return recordsUrl(series.records, set.bar, { day: series.labels[index] }); };
      if (set.kind === "cumulative") {
        return {
          type: "line", label: set.label, data: set.data, yAxisID: "total", url: url,
          borderColor: colour(set.colour), backgroundColor: colour(set.colour),
          borderDash: [6, 3], spanGaps: true, pointRadius: 3, tension: 0, order: 0
        };
      }
      return {
        // One stack per kind (past day, incident) and claimant: they are never added together.
        type: "bar", label: set.label, data: set.data, yAxisID: "daily", stack: set.stack, url: url, maxBarThickness: 48,
        backgroundColor: colour(set.colour, set.kind === "incident" ? 0.45 : 0.8),
        borderColor: colour(set.colour), borderWidth: 1, order: 1
      };
    });
    var hasTotals = series.datasets.some(function (set) { return set.kind === "cumulative"; });
    var hasDaily = series.datasets.some(function (set) { return set.kind !== "cumulative"; });
    var options = baseOptions(true);
    options.scales = {
      x: timeAxis("day"),
      daily: { type: "linear", position: "left", stacked: true, beginAtZero: true, display: hasDaily, ticks: { precision: 0 },
               title: { display: true, text: "daily and incident figures" } },
      total: { type: "linear", position: "right", beginAtZero: true, display: hasTotals, ticks: { precision: 0 },
               grid: { drawOnChartArea: false }, title: { display: true, text: "cumulative totals" } }
    };
    return new window.Chart(canvas, { type: "bar", data: { labels: series.labels, datasets: datasets }, options: options });
  }

  // Donors on the x axis, amounts stacked; a marker per donor counts the pledges named without a number.
  function donorBars(canvas, part, records, markerLabel) {
    var datasets = part.datasets.filter(function (set) { return set.drawn !== false; }).map(function (set) {
      return {
        type: "bar", label: set.label, data: set.data, stack: set.stack, yAxisID: "y", order: 1, maxBarThickness: 64,
        backgroundColor: colour(set.colour, set.status === "delivered" ? 0.95 : 0.7),
        borderColor: colour(set.colour), borderWidth: 1,
        url: function (index) { return recordsUrl(records, set.bar, { donor: part.labels[index] }); }
      };
    });
    var unnumbered = part.unnumbered.data;
    var anyUnnumbered = unnumbered.some(function (count) { return count > 0; });
    if (anyUnnumbered) {
      datasets.push({
        type: "line", label: markerLabel, yAxisID: "unnumbered", order: 0, showLine: false,
        data: unnumbered.map(function (count) { return count || null; }),
        pointStyle: "triangle", pointRadius: 7, pointHoverRadius: 9,
        backgroundColor: "#212529", borderColor: "#212529",
        url: function (index) { return recordsUrl(records, part.unnumbered.bar, { donor: part.labels[index] }); }
      });
    }
    var options = baseOptions(false);
    options.scales = {
      x: { stacked: true, ticks: { maxRotation: 60 } },
      // Counts and quantities are whole numbers: no tick at 0.2 of an event.
      y: { stacked: true, beginAtZero: true, ticks: { precision: 0, callback: function (value) { return shortNumber(value); } } },
      unnumbered: { position: "right", beginAtZero: true, display: anyUnnumbered, ticks: { precision: 0 },
                    grid: { drawOnChartArea: false }, title: { display: true, text: "pledges without a number" } }
    };
    return new window.Chart(canvas, { type: "bar", data: { labels: part.labels, datasets: datasets }, options: options });
  }

  function weeklyChart(canvas, weekly) {
    var datasets = weekly.datasets.map(function (set) {
      return {
        label: set.label, data: set.data, maxBarThickness: 48,
        backgroundColor: colour(set.colour, 0.75), borderColor: colour(set.colour),
        borderWidth: 1, url: function (index) { return set.links[index]; }
      };
    });
    var options = baseOptions(true);
    options.scales = {
      x: timeAxis("week"),
      y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } }
    };
    return new window.Chart(canvas, { type: "bar", data: { labels: weekly.labels, datasets: datasets }, options: options });
  }

  var drawnFrom = null;

  function draw() {
    var source = document.getElementById("chart-data");
    if (!source || !window.Chart || source === drawnFrom) { return; }
    drawnFrom = source;
    charts.forEach(function (chart) { chart.destroy(); });
    charts = [];
    var numbers = JSON.parse(source.textContent);
    var canvas;
    if ((canvas = document.getElementById("chart-losses"))) { charts.push(lossesChart(canvas, numbers.losses)); }
    var equipment = numbers.pledges.equipment;
    equipment.groups.forEach(function (group) {
      var groupCanvas = document.getElementById("chart-equipment-" + group.group);
      if (groupCanvas) { charts.push(donorBars(groupCanvas, group, equipment.records, "named without a number")); }
    });
    var funding = numbers.pledges.funding;
    if ((canvas = document.getElementById("chart-funding"))) {
      charts.push(donorBars(canvas, funding, funding.records, "named without an amount"));
    }
    if ((canvas = document.getElementById("chart-weekly"))) { charts.push(weeklyChart(canvas, numbers.weekly)); }
  }

  // "Reset zoom" buttons name their canvas; they come and go with each swap, so one listener.
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("button.reset-zoom");
    if (!button) { return; }
    var chart = window.Chart && window.Chart.getChart(button.dataset.chart);
    if (chart && chart.resetZoom) { chart.resetZoom(); }
  });

  document.addEventListener("DOMContentLoaded", draw);
  // New numbers arrive with every filter change (a swap) and with back/forward (history restore).
  document.addEventListener("htmx:afterSettle", draw);
  document.addEventListener("htmx:historyRestore", draw);
})();
