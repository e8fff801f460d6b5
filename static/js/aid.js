// The aid tracker: cumulative euros pledged (solid) and delivered (dashed) per donor, by
// month on a time axis (the vendored date adapter), with the zoom plug-in: drag to pan,
// Ctrl + wheel or pinch to zoom, "Reset zoom". From <script id="aid-chart-data"
// type="application/json"> (json_script); redrawn whenever htmx swaps #aid-body.
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

  // "2024-03" -> the first of the month, the point each month's total stands at.
  function points(months, values) {
    return months.map(function (month, index) { return { x: month + "-01", y: values[index] }; });
  }

  function datasets(numbers) {
    var sets = [];
    numbers.donors.forEach(function (donor, index) {
      var colour = PALETTE[index % PALETTE.length];
      sets.push({ label: donor.donor + " pledged", data: points(numbers.months, donor.pledged), borderColor: colour, backgroundColor: colour,
                  pointRadius: 2, borderWidth: 2, tension: 0 });
      sets.push({ label: donor.donor + " delivered", data: points(numbers.months, donor.delivered), borderColor: colour, backgroundColor: colour,
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
      data: { datasets: datasets(numbers) },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        interaction: { mode: "index", intersect: false },
        plugins: {
          legend: { position: "bottom", labels: { boxWidth: 18 } },
          tooltip: { callbacks: { label: function (ctx) { return ctx.dataset.label + ": " + euros(ctx.parsed.y); } } },
          zoom: {
            limits: { x: { min: "original", max: "original" } },
            pan: { enabled: true, mode: "x" },
            zoom: { wheel: { enabled: true, modifierKey: "ctrl" }, pinch: { enabled: true }, mode: "x" }
          }
        },
        scales: {
          x: { type: "time", time: { unit: "month", tooltipFormat: "yyyy-MM", displayFormats: { month: "yyyy-MM" } },
               ticks: { maxRotation: 60, autoSkip: true } },
          y: { beginAtZero: true, title: { display: true, text: "euros, cumulative" },
               ticks: { callback: function (value) { return euros(value); } } }
        }
      }
    });
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("button.reset-zoom");
    if (button && chart && button.dataset.chart === "chart-aid" && chart.resetZoom) { chart.resetZoom(); }
  });

  document.addEventListener("DOMContentLoaded", draw);
  document.addEventListener("htmx:afterSettle", draw);
  document.addEventListener("htmx:historyRestore", draw);
})();
