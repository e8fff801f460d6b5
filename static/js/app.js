// Warboard's small site-wide script: htmx error messages and keyboard comfort.
// Everything works without it; no inline scripts anywhere (the CSP forbids them).
(function () {
  "use strict";

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
