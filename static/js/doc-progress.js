// The document is being read on the workers: ask how far every few seconds, say it in the
// live region, and open the reader view when it is ready. Nothing else on the page moves.
(function () {
  "use strict";
  var box = document.querySelector("[data-doc-status]");
  if (!box) return;
  var message = box.querySelector("[data-doc-message]");
  function poll() {
    fetch(box.getAttribute("data-doc-status"), { headers: { Accept: "application/json" } })
      .then(function (r) { return r.json(); })
      .then(function (body) {
        if (body.ready) { window.location.reload(); return; }
        if (body.message && message.textContent !== body.message) message.textContent = body.message;
        if (body.status !== "failed") window.setTimeout(poll, 3000);
      })
      .catch(function () { window.setTimeout(poll, 5000); });
  }
  window.setTimeout(poll, 2000);
})();
