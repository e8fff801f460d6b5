// The charts page: draws the numbers the server put in <script id="chart-data"
// type="application/json"> (json_script) with Chart.js and chartjs-chart-geo.
// Redrawn whenever htmx swaps #charts-body after a filter change.
(function () {
  "use strict";

  var PALETTE = [
    "#1f5fbf", "#d1495b", "#edae49", "#00798c", "#66a182", "#8d6a9f", "#e07a5f",
    "#3d405b", "#81b29a", "#f2cc8f", "#6c757d", "#b5838d", "#2a9d8f", "#e76f51",
    "#264653", "#a8dadc", "#9c6644", "#588157"
  ];
  var charts = [];
  var outlinesCache = null;

  function colour(index, alpha) {
    var hex = PALETTE[index % PALETTE.length];
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

  function go(url) {
    if (url) { window.location.assign(url); }
  }

  // Clicking a bar opens the timeline filtered to it.
  function clickTo(links) {
    return function (event, elements, chart) {
      if (!elements.length) { return; }
      var element = elements[0];
      var dataset = chart.data.datasets[element.datasetIndex];
      var perDataset = dataset.links && dataset.links[element.index];
      go(perDataset || links[element.index]);
    };
  }

  function hoverPointer(event, elements) {
    var target = event.native && event.native.target;
    if (target) { target.style.cursor = elements.length ? "pointer" : "default"; }
  }

  function baseOptions(links) {
    return {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      interaction: { mode: "nearest", intersect: true },
      onClick: clickTo(links || []),
      onHover: hoverPointer,
      plugins: {
        legend: { position: "bottom", labels: { boxWidth: 12 } },
        tooltip: { callbacks: { label: function (ctx) {
          var value = ctx.parsed.y;
          return ctx.dataset.label + ": " + formatNumber(value);
        } } }
      }
    };
  }

  function lossesChart(canvas, series) {
    var datasets = series.datasets.map(function (set, index) {
      var categoryIndex = index;
      if (set.kind === "cumulative") {
        return {
          type: "line", label: set.label, data: set.data, yAxisID: "total",
          borderColor: colour(categoryIndex), backgroundColor: colour(categoryIndex),
          borderDash: [6, 3], spanGaps: true, pointRadius: 3, tension: 0, order: 0
        };
      }
      return {
        // One stack per kind (past day, incident) and claimant: they are never added together.
        type: "bar", label: set.label, data: set.data, yAxisID: "daily", stack: set.stack,
        backgroundColor: colour(categoryIndex, 0.75), borderColor: colour(categoryIndex), borderWidth: 1, order: 1
      };
    });
    var hasTotals = series.datasets.some(function (set) { return set.kind === "cumulative"; });
    var hasDaily = series.datasets.some(function (set) { return set.kind !== "cumulative"; });
    var options = baseOptions(series.links);
    options.scales = {
      x: { stacked: true, ticks: { maxRotation: 60 } },
      daily: { type: "linear", position: "left", stacked: true, beginAtZero: true, display: hasDaily, ticks: { precision: 0 },
               title: { display: true, text: "daily and incident figures" } },
      total: { type: "linear", position: "right", beginAtZero: true, display: hasTotals, ticks: { precision: 0 },
               grid: { drawOnChartArea: false }, title: { display: true, text: "cumulative totals" } }
    };
    return new window.Chart(canvas, { type: "bar", data: { labels: series.labels, datasets: datasets }, options: options });
  }

  function stackedBars(canvas, part, horizontal) {
    var datasets = part.datasets.map(function (set, index) {
      return {
        label: set.label, data: set.data, stack: set.stack,
        backgroundColor: colour(index, set.status === "delivered" ? 0.95 : 0.7),
        borderColor: colour(index), borderWidth: 1, links: set.links
      };
    });
    var options = baseOptions(part.links);
    options.scales = {
      x: { stacked: true, ticks: { maxRotation: 60 } },
      // Counts and quantities are whole numbers: no tick at 0.2 of an event.
      y: { stacked: true, beginAtZero: true, ticks: { precision: 0, callback: function (value) { return shortNumber(value); } } }
    };
    if (horizontal) { options.indexAxis = "y"; }
    return new window.Chart(canvas, { type: "bar", data: { labels: part.labels, datasets: datasets }, options: options });
  }

  // Sutherland-Hodgman: clip one ring of [lon, lat] points to a rectangle.
  function clipRing(ring, box) {
    var edges = [
      function (p) { return p[0] >= box.west; }, function (p) { return p[0] <= box.east; },
      function (p) { return p[1] >= box.south; }, function (p) { return p[1] <= box.north; }
    ];
    var cuts = [
      function (a, b) { var t = (box.west - a[0]) / (b[0] - a[0]); return [box.west, a[1] + t * (b[1] - a[1])]; },
      function (a, b) { var t = (box.east - a[0]) / (b[0] - a[0]); return [box.east, a[1] + t * (b[1] - a[1])]; },
      function (a, b) { var t = (box.south - a[1]) / (b[1] - a[1]); return [a[0] + t * (b[0] - a[0]), box.south]; },
      function (a, b) { var t = (box.north - a[1]) / (b[1] - a[1]); return [a[0] + t * (b[0] - a[0]), box.north]; }
    ];
    var output = ring;
    for (var e = 0; e < 4 && output.length; e++) {
      var input = output, inside = edges[e], cut = cuts[e];
      output = [];
      for (var i = 0; i < input.length; i++) {
        var current = input[i], previous = input[(i + input.length - 1) % input.length];
        if (inside(current)) {
          if (!inside(previous)) { output.push(cut(previous, current)); }
          output.push(current);
        } else if (inside(previous)) {
          output.push(cut(previous, current));
        }
      }
    }
    if (output.length < 3) { return null; }
    output.push(output[0]);
    return densify(output);
  }

  // d3-geo draws each edge as a great-circle arc: a long cut along the frame's top or
  // bottom would bulge into a curve. Points every degree keep such edges straight.
  function densify(ring) {
    var dense = [ring[0]];
    for (var i = 1; i < ring.length; i++) {
      var a = ring[i - 1], b = ring[i];
      var steps = Math.floor(Math.max(Math.abs(b[0] - a[0]), Math.abs(b[1] - a[1])));
      for (var step = 1; step < steps; step++) {
        var t = step / steps;
        dense.push([a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])]);
      }
      dense.push(b);
    }
    return dense;
  }

  function clipFeature(feature, box) {
    var geometry = feature.geometry;
    if (!geometry) { return null; }
    var polygons = geometry.type === "Polygon" ? [geometry.coordinates] :
      geometry.type === "MultiPolygon" ? geometry.coordinates : [];
    var clipped = [];
    polygons.forEach(function (polygon) {
      var outer = clipRing(polygon[0], box);
      if (!outer) { return; }
      var rings = [outer];
      polygon.slice(1).forEach(function (hole) {
        var inner = clipRing(hole, box);
        if (inner) { rings.push(inner); }
      });
      clipped.push(rings);
    });
    if (!clipped.length) { return null; }
    return { type: "Feature", id: feature.id, properties: feature.properties,
             geometry: { type: "MultiPolygon", coordinates: clipped } };
  }

  function loadOutlines(url) {
    if (!outlinesCache) {
      outlinesCache = window.fetch(url, { credentials: "same-origin" }).then(function (response) {
        if (!response.ok) { throw new Error("outlines " + response.status); }
        return response.json();
      });
    }
    return outlinesCache;
  }

  function mapChart(canvas, map) {
    var geo = window.ChartGeo;
    if (!geo) { return; }
    loadOutlines(canvas.dataset.outlines).then(function (world) {
      if (!canvas.isConnected) { return; }
      var box = map.box;
      var countries = geo.topojson.feature(world, world.objects.countries).features;
      var outline = countries.map(function (feature) { return clipFeature(feature, box); })
        .filter(function (feature) { return feature; });
      var links = map.points.map(function (p) { return p.link; });
      var chart = new window.Chart(canvas, {
        type: "bubbleMap",
        data: {
          labels: map.points.map(function (p) { return p.name; }),
          datasets: [{
            label: "Events",
            outline: outline,
            showOutline: true,
            outlineBorderColor: "#8a94a3",
            outlineBackgroundColor: "#f1f3f5",
            backgroundColor: "rgba(209, 73, 91, 0.55)",
            borderColor: "#9b2335",
            data: map.points.map(function (p) {
              return { longitude: p.longitude, latitude: p.latitude, value: p.value, description: p.name };
            })
          }]
        },
        options: {
          responsive: true,
          maintainAspectRatio: false,
          animation: false,
          onClick: clickTo(links),
          onHover: hoverPointer,
          plugins: {
            legend: { display: false },
            tooltip: { callbacks: { label: function (ctx) {
              var raw = ctx.raw;
              return raw.description + ": " + raw.value + (raw.value === 1 ? " event" : " events");
            } } }
          },
          scales: {
            projection: { axis: "x", projection: "mercator" },
            size: { axis: "x", size: [4, 26], display: false }
          }
        }
      });
      charts.push(chart);
    }).catch(function () {
      var note = document.createElement("p");
      note.className = "empty-state small";
      note.textContent = "The map outlines could not be loaded; the places are listed below.";
      canvas.parentNode.replaceWith(note);
    });
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
    if ((canvas = document.getElementById("chart-pledges"))) { charts.push(stackedBars(canvas, numbers.pledges.equipment)); }
    if ((canvas = document.getElementById("chart-funding"))) { charts.push(stackedBars(canvas, numbers.pledges.funding)); }
    if ((canvas = document.getElementById("chart-weekly"))) {
      var weekly = numbers.weekly;
      charts.push(stackedBars(canvas, { labels: weekly.labels, datasets: weekly.datasets, links: [] }));
    }
    if ((canvas = document.getElementById("chart-map"))) { mapChart(canvas, numbers.map); }
  }

  document.addEventListener("DOMContentLoaded", draw);
  // New numbers arrive with every filter change (a swap) and with back/forward (history restore).
  document.addEventListener("htmx:afterSettle", draw);
  document.addEventListener("htmx:historyRestore", draw);
})();
