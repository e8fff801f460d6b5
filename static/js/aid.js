// The aid tracker: cumulative euros pledged (solid) and delivered (dashed) per donor, by
// month, from <script id="aid-chart-data" type="application/json"> (json_script).
// Redrawn whenever htmx swaps #aid-body after a filter change.
(function () {
  "use strict";

  var PALETTE = ["#1f5fbf", "#d1495b", "#edae49", "#00798c", "#66a182", "#8d6a9f", "#e07a5f", "#3d405b", "#9c6644", "#6c757d"];
  var chart = null;
  var drawnFrom = null;

  function euros(value) {
    var size = Math.abs(value);
    if (size >= 1e9) { return "€" + (value / 1e9).toLocaleString("en-GB", { maximumFractionDigits: 1 }) + "bn"; }
    if (size >= 1e6) { return "€" + (value / 1e6).toLocaleString("en-GB", { maximumFractionDigits: 1 }) + "m"; }
    return "€" + value.toLocaleString("en-GB", { maximumFractionDigits: 0 });
  }

  function datasets(numbers) {
    var sets = [];
    numbers.donors.forEach(function (donor, index) {
      var colour = PALETTE[index % PALETTE.length];
      sets.push({ label: donor.donor + " pledged", data: donor.pledged, borderColor: colour, backgroundColor: colour,
                  pointRadius: 2, borderWidth: 2, tension: 0 });
      sets.push({ label: donor.donor + " delivered", data: donor.delivered, borderColor: colour, backgroundColor: colour,
                  borderDash: [6, 4], pointRadius: 2, borderWidth: 2, tension: 0 });
    });
    return sets;
  }

  function draw() {
    var source = document.getElementById("aid-chart-data");
    var canvas = document.getElementById("chart-aid");
    if (!source || !window.Chart || source === drawnFrom) { return; }
    drawnFrom = source;
    if (chart) { chart.destroy(); chart = null; }
    if (!canvas) { return; }
    var numbers = JSON.parse(source.textContent);
    chart = new window.Chart(canvas, {
      type: "line",
      data: { labels: numbers.months, datasets: datasets(numbers) },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        interaction: { mode: "index", intersect: false },
        plugins: {
          legend: { position: "bottom", labels: { boxWidth: 18 } },
          tooltip: { callbacks: { label: function (ctx) { return ctx.dataset.label + ": " + euros(ctx.parsed.y); } } }
        },
        scales: {
          x: { type: "category", ticks: { maxRotation: 60, autoSkip: true } },
          y: { beginAtZero: true, title: { display: true, text: "euros, cumulative" },
               ticks: { callback: function (value) { return euros(value); } } }
        }
      }
    });
  }

  document.addEventListener("DOMContentLoaded", draw);
  document.addEventListener("htmx:afterSettle", draw);
  document.addEventListener("htmx:historyRestore", draw);
})();
