// Warboard's small site-wide script: htmx error messages and keyboard comfort.
// Everything works without it; no inline scripts anywhere (the CSP forbids them).
(function () {
  "use strict";

  // htmx copies the old element's style attribute onto its replacement while settling; the
  // CSP (style-src 'self') refuses that for the canvases Chart.js sizes, so leave style out.
  if (window.htmx) {
    window.htmx.config.attributesToSettle = ["class", "width", "height"];
  }

  function toast(message) {
    var box = document.getElementById("warboard-toast");
    if (!box) {
      box = document.createElement("div");
      box.id = "warboard-toast";
      box.className = "toast";
      box.setAttribute("role", "alert");
      document.body.appendChild(box);
    }
    box.textContent = message;
    box.hidden = false;
    window.clearTimeout(box.hideTimer);
    box.hideTimer = window.setTimeout(function () { box.hidden = true; }, 6000);
  }

  document.addEventListener("htmx:responseError", function (event) {
    var status = event.detail.xhr.status;
    if (status === 400) {
      toast("These filters are not understood: check the dates and codes, or clear the filters.");
    } else if (status === 403) {
      toast("Only editors can review records.");
    } else if (status === 404) {
      toast("That record no longer exists (the article may have been re-extracted). Reload the page.");
    } else {
      toast("The server could not answer (" + status + "). Try again in a moment.");
    }
  });

  // On a phone the results come first: the filters fold under their "Filters" summary.
  // Without JavaScript they stay open; on a laptop the summary is hidden and they stay open.
  document.addEventListener("DOMContentLoaded", function () {
    if (!window.matchMedia("(max-width: 860px)").matches) { return; }
    document.querySelectorAll("details.filter-panel").forEach(function (panel) { panel.open = false; });
  });

  // After a filter change, the status line (a live region that stays in place) says what changed.
  document.addEventListener("htmx:afterSettle", function (event) {
    var status = document.getElementById("results-status");
    var target = event.detail.target;
    if (!status || !target || (target.id !== "timeline-list" && target.id !== "charts-body")) { return; }
    var count = document.getElementById("timeline-count");
    var body = document.getElementById("charts-body");
    status.textContent = count ? count.textContent : (body && body.dataset.status) || "";
  });

  // "Load more" is replaced by the events it brought: the keyboard moves on to the first of them.
  var cardsBefore = 0;
  document.addEventListener("htmx:beforeRequest", function (event) {
    if (event.detail.elt.closest && event.detail.elt.closest("#timeline-more")) {
      cardsBefore = document.querySelectorAll(".event-card, .incident-card").length;
    }
  });
  document.addEventListener("htmx:afterSettle", function (event) {
    var config = event.detail.requestConfig;
    var elt = config && config.elt;
    if (!elt || !elt.closest || elt.isConnected || !elt.closest("#timeline-more")) { return; }
    var first = document.querySelectorAll(".event-card, .incident-card")[cardsBefore];
    if (first) { first.focus(); }
  });

  document.addEventListener("htmx:sendError", function () {
    toast("No connection to the server. Check the network and try again.");
  });

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") { return; }
    var editing = event.target.closest && event.target.closest(".record.editing");
    if (!editing) { return; }
    var cancel = editing.querySelector(".form-actions a");
    if (cancel) { cancel.click(); }
  });

  // A record swapped in place keeps the keyboard there: in the first field of a
  // review form, or on the record's first control after confirm, reject or save.
  document.addEventListener("htmx:afterSettle", function (event) {
    var elt = event.detail.elt;
    if (!elt || !elt.classList || !elt.classList.contains("record") || !elt.isConnected) { return; }
    var selector = elt.classList.contains("editing")
      ? "input:not([type=hidden]), select, textarea"
      : ".review-controls a, .review-controls button, .history-link";
    var first = elt.querySelector(selector);
    if (first) { first.focus(); }
  });
})();
