// The map page: the places in <script id="map-data"> (dashboard/maps.py) drawn as points over
// the Natural Earth outlines, in an SVG whose viewBox is the view: the wheel, a drag, the
// buttons and the keys zoom and move it. The outlines are TopoJSON (static/vendor/world-atlas)
// read with topojson-client. The view survives an htmx swap (stepping through the weeks).
(function () {
  "use strict";

  var SVG = "http://www.w3.org/2000/svg";
  var ZOOM_STEP = 1.5;
  var PAN_STEP = 0.25; // of the view's width or height
  var MIN_WIDTH = 0.4; // degrees of longitude: a town's streets are not drawn
  var LABELLED = 10; // the points named most often carry their name
  var MIN_PIE_RADIUS = 7; // pixels

  var outlines = null; // a promise of the countries' paths, fetched once per page
  var view = null; // {x, y, w, h} in projected units; null until the first map is drawn
  var current = null; // the map on the page now

  // Mercator, in degrees: x is the longitude, y grows southwards as in SVG.
  function project(longitude, latitude) {
    var phi = Math.max(-85, Math.min(85, latitude)) * Math.PI / 180;
    return [longitude, -Math.log(Math.tan(Math.PI / 4 + phi / 2)) * 180 / Math.PI];
  }

  function box(frame) {
    var northWest = project(frame.west, frame.north);
    var southEast = project(frame.east, frame.south);
    return { x: northWest[0], y: northWest[1], w: southEast[0] - northWest[0], h: southEast[1] - northWest[1] };
  }

  function round(value) { return Math.round(value * 100) / 100; }

  function ringPath(ring, limit) {
    var points = ring.map(function (coordinates) { return project(coordinates[0], coordinates[1]); });
    var xs = points.map(function (p) { return p[0]; });
    var ys = points.map(function (p) { return p[1]; });
    if (Math.max.apply(null, xs) < limit.x || Math.min.apply(null, xs) > limit.x + limit.w ||
        Math.max.apply(null, ys) < limit.y || Math.min.apply(null, ys) > limit.y + limit.h) {
      return "";
    }
    // Rounded to a hundredth of a degree (a kilometre), the points that fall together are one.
    var steps = [];
    points.forEach(function (p) {
      var step = round(p[0]) + " " + round(p[1]);
      if (step !== steps[steps.length - 1]) { steps.push(step); }
    });
    return "M" + steps.join("L") + "Z";
  }

  // The countries as SVG path data, only the rings that reach the frame the map can show.
  function countryPaths(world, limit) {
    var features = window.topojson.feature(world, world.objects.countries).features;
    return features.map(function (feature) {
      var geometry = feature.geometry;
      var polygons = !geometry ? [] : geometry.type === "Polygon" ? [geometry.coordinates] :
        geometry.type === "MultiPolygon" ? geometry.coordinates : [];
      var d = polygons.map(function (polygon) {
        return polygon.map(function (ring) { return ringPath(ring, limit); }).join("");
      }).join("");
      return { id: String(feature.id), name: (feature.properties || {}).name || "", d: d };
    }).filter(function (country) { return country.d; });
  }

  function loadOutlines(url, limit) {
    if (!outlines) {
      outlines = fetch(url, { credentials: "same-origin" })
        .then(function (response) {
          if (!response.ok) { throw new Error("outlines " + response.status); }
          return response.json();
        })
        .then(function (world) { return countryPaths(world, limit); });
    }
    return outlines;
  }

  function element(name, attributes, parent) {
    var node = document.createElementNS(SVG, name);
    Object.keys(attributes).forEach(function (key) { node.setAttribute(key, attributes[key]); });
    if (parent) { parent.appendChild(node); }
    return node;
  }

  function size(frame) {
    return { width: frame.clientWidth || 800, height: frame.clientHeight || 480 };
  }

  // The view widened to the frame's shape around its centre, kept over the map's limit, not
  // zoomed past a town nor out past the limit.
  function fitted(wanted, map) {
    var shape = size(map.frame);
    var ratio = shape.width / shape.height;
    var w = Math.max(MIN_WIDTH, Math.max(wanted.w, wanted.h * ratio));
    w = Math.min(w, map.limit.w, map.limit.h * ratio);
    var h = w / ratio;
    var cx = wanted.x + wanted.w / 2;
    var cy = wanted.y + wanted.h / 2;
    cx = Math.max(map.limit.x + w / 2, Math.min(map.limit.x + map.limit.w - w / 2, cx));
    cy = Math.max(map.limit.y + h / 2, Math.min(map.limit.y + map.limit.h - h / 2, cy));
    return { x: cx - w / 2, y: cy - h / 2, w: w, h: h };
  }

  // The view changes at once; the map is drawn at the next frame, once however many wheel
  // or pointer events came in between.
  var pending = null;
  function show(map, wanted) {
    view = fitted(wanted, map);
    if (!pending) {
      pending = window.requestAnimationFrame(function () { pending = null; if (current) { render(current); } });
    }
  }

  function render(map) {
    map.svg.setAttribute("viewBox", [view.x, view.y, view.w, view.h].map(function (n) { return n.toFixed(4); }).join(" "));
    // Points keep their size on screen: one unit inside a point's mark is one pixel. One CSS
    // property scales them all, rather than a transform rewritten on each of thousands of points.
    map.svg.style.setProperty("--point-scale", String(view.w / size(map.frame).width));
  }

  function zoom(map, factor, anchorX, anchorY) {
    var x = anchorX === undefined ? view.x + view.w / 2 : anchorX;
    var y = anchorY === undefined ? view.y + view.h / 2 : anchorY;
    show(map, { x: x - (x - view.x) * factor, y: y - (y - view.y) * factor, w: view.w * factor, h: view.h * factor });
  }

  function pan(map, right, down) {
    show(map, { x: view.x + right * view.w, y: view.y + down * view.h, w: view.w, h: view.h });
  }

  var ACTIONS = {
    "zoom-in": function (map) { zoom(map, 1 / ZOOM_STEP); },
    "zoom-out": function (map) { zoom(map, ZOOM_STEP); },
    left: function (map) { pan(map, -PAN_STEP, 0); },
    right: function (map) { pan(map, PAN_STEP, 0); },
    up: function (map) { pan(map, 0, -PAN_STEP); },
    down: function (map) { pan(map, 0, PAN_STEP); },
    reset: function (map) { show(map, map.front); },
  };
  var KEYS = { "+": "zoom-in", "=": "zoom-in", "-": "zoom-out", ArrowLeft: "left", ArrowRight: "right",
               ArrowUp: "up", ArrowDown: "down", "0": "reset" };

  // A pie of the place's incidents by type, `radius` pixels across, centred on the place; a point
  // too small to show slices is one disc in the colour of its most frequent type.
  function drawPoint(group, point, radius, colours, labels) {
    var total = point.incidents;
    var angle = -Math.PI / 2;
    if (point.types.length === 1 || radius < MIN_PIE_RADIUS) {
      var most = point.types.reduce(function (a, b) { return b[1] > a[1] ? b : a; });
      element("circle", { r: radius, fill: colours[most[0]], "class": "slice disc" }, group);
    } else {
      point.types.forEach(function (entry) {
        var sweep = 2 * Math.PI * entry[1] / total;
        var x0 = radius * Math.cos(angle), y0 = radius * Math.sin(angle);
        angle += sweep;
        var x1 = radius * Math.cos(angle), y1 = radius * Math.sin(angle);
        var d = "M0 0L" + x0.toFixed(2) + " " + y0.toFixed(2) + "A" + radius + " " + radius + " 0 " +
          (sweep > Math.PI ? 1 : 0) + " 1 " + x1.toFixed(2) + " " + y1.toFixed(2) + "Z";
        element("path", { d: d, fill: colours[entry[0]], "class": "slice" }, group);
      });
      element("circle", { r: radius, "class": "point-ring" }, group);
    }
    var title = element("title", {}, group);
    title.textContent = point.name + ": " + total + " incident" + (total === 1 ? "" : "s") + " (" +
      point.types.map(function (entry) { return labels[entry[0]] + " " + entry[1]; }).join(", ") + "), " +
      point.reports + " report" + (point.reports === 1 ? "" : "s");
  }

  function drawPoints(map, layer) {
    var colours = {}, labels = {};
    map.data.legend.forEach(function (entry) { colours[entry.type] = entry.colour; labels[entry.type] = entry.label; });
    var most = map.data.points.length ? map.data.points[0].incidents : 1;
    // The server sends the places most named first: drawn first, the small ones stay on top.
    map.data.points.forEach(function (point, index) {
      var at = project(point.longitude, point.latitude);
      var link = element("a", { href: map.data.timeline + "place=" + encodeURIComponent(point.name), tabindex: "-1", "class": "map-point", "data-place": point.name,
                                "data-incidents": point.incidents }, layer);
      var group = element("g", { "class": "mark" }, element("g", { transform: "translate(" + at[0] + " " + at[1] + ")" }, link));
      var radius = 3 + 15 * Math.sqrt(point.incidents / most);
      drawPoint(group, point, radius, colours, labels);
      if (index < LABELLED) {
        element("text", { x: radius + 3, y: 4, "class": "point-label" }, group).textContent = point.name;
      }
    });
  }

  function drawOutlines(map, layer) {
    loadOutlines(map.frame.dataset.outlines, map.limit).then(function (countries) {
      countries.forEach(function (country) {
        element("path", { d: country.d, "class": country.id === "804" ? "country ukraine" : "country" }, layer)
          .appendChild(document.createElementNS(SVG, "title")).textContent = country.name;
      });
      map.frame.dataset.outlined = "true";
    }).catch(function () {
      var note = document.createElement("p");
      note.className = "counts";
      note.textContent = "The outlines could not be loaded; the places are drawn without them.";
      map.frame.parentNode.insertBefore(note, map.frame.nextSibling);
    });
  }

  // A drag moves the map; the click that ends a drag does not open a point's timeline.
  function listen(map) {
    var drag = null, dragged = false;
    var svg = map.svg;
    svg.addEventListener("wheel", function (event) {
      event.preventDefault();
      var shape = size(map.frame), rect = svg.getBoundingClientRect();
      var x = view.x + (event.clientX - rect.left) / shape.width * view.w;
      var y = view.y + (event.clientY - rect.top) / shape.height * view.h;
      zoom(map, Math.exp(Math.max(-3, Math.min(3, event.deltaY * 0.002))), x, y);
    }, { passive: false });
    svg.addEventListener("pointerdown", function (event) {
      if (event.button !== 0) { return; }
      drag = { x: event.clientX, y: event.clientY, view: view };
      dragged = false;
    });
    svg.addEventListener("pointermove", function (event) {
      if (!drag) { return; }
      var dx = event.clientX - drag.x, dy = event.clientY - drag.y;
      if (!dragged && Math.abs(dx) + Math.abs(dy) < 4) { return; }
      if (!dragged) { svg.setPointerCapture(event.pointerId); }
      dragged = true;
      svg.classList.add("dragging");
      var scale = drag.view.w / size(map.frame).width;
      show(map, { x: drag.view.x - dx * scale, y: drag.view.y - dy * scale, w: drag.view.w, h: drag.view.h });
    });
    function stop() { drag = null; svg.classList.remove("dragging"); }
    svg.addEventListener("pointerup", stop);
    svg.addEventListener("pointercancel", stop);
    svg.addEventListener("click", function (event) {
      if (dragged) { event.preventDefault(); dragged = false; }
    }, true);
    map.panel.querySelector(".map-controls").addEventListener("click", function (event) {
      var button = event.target.closest("[data-map]");
      if (button) { ACTIONS[button.dataset.map](map); }
    });
    map.frame.addEventListener("keydown", function (event) {
      var action = KEYS[event.key];
      if (!action || event.altKey || event.ctrlKey || event.metaKey) { return; }
      event.preventDefault();
      ACTIONS[action](map);
    });
  }

  function draw() {
    var source = document.getElementById("map-data");
    var frame = document.getElementById("map-frame");
    if (!source || !frame || !window.topojson) { current = null; return; }
    var data = JSON.parse(source.textContent);
    var svg = element("svg", { "class": "map", role: "img", preserveAspectRatio: "none",
                               "aria-label": "Map of the places where the events happened; they are listed beside it." });
    var map = { data: data, frame: frame, svg: svg, panel: frame.closest(".map-panel"),
                front: box(data.front), limit: box(data.limit) };
    frame.querySelectorAll("svg.map").forEach(function (old) { old.remove(); });
    element("rect", { x: map.limit.x, y: map.limit.y, width: map.limit.w, height: map.limit.h, "class": "sea" }, svg);
    var land = element("g", { "class": "outlines" }, svg);
    var layer = element("g", { "class": "points" }, svg);
    frame.appendChild(svg);
    frame.tabIndex = 0;
    frame.setAttribute("role", "group");
    frame.setAttribute("aria-label", "The map: + and - zoom, the arrow keys move it, 0 resets it");
    drawPoints(map, layer);
    drawOutlines(map, land);
    current = map;
    show(map, view || map.front);
    listen(map);
  }

  // After a step to another week (or a filter), the week field says which week is shown.
  function afterSwap(event) {
    var body = document.getElementById("map-body");
    var target = event.detail.target;
    if (!body || !target || target.id !== "map-body") { return; }
    var week = document.getElementById("id_week");
    if (week) { week.value = body.dataset.week || ""; }
    var status = document.getElementById("results-status");
    if (status) { status.textContent = body.dataset.status || ""; }
    draw();
  }

  document.addEventListener("DOMContentLoaded", draw);
  // Back to an earlier week: htmx puts the page back from the server, without a load event.
  document.addEventListener("htmx:historyRestore", draw);
  document.addEventListener("htmx:afterSettle", afterSwap);
  window.addEventListener("resize", function () { if (current && view) { show(current, view); } });
})();
