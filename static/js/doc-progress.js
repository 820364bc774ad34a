/* The document is being read on the workers: ask how far every few seconds, say it in the
   live region, and open the reader view when it is ready. While OCR runs, the link to the
   pages already read follows their count. Nothing else on the page moves. */
import { fetchJson } from "./shared/net.js";

const box = document.querySelector("[data-doc-status]");
if (box) {
  const message = box.querySelector("[data-doc-message]");
  const partial = box.querySelector("[data-doc-partial]");
  const showPartial = (body) => {
    if (!partial || !body.partial_url) return;
    partial.querySelector("[data-doc-partial-link]").setAttribute("href", body.partial_url);
    partial.querySelector("[data-doc-partial-count]").textContent = `${body.pages_read}/${body.pages}`;
    partial.hidden = false;
  };
  const poll = () => {
    fetchJson(box.getAttribute("data-doc-status")).then(({ body }) => {
      if (body.ready) { window.location.reload(); return; }
      if (body.message && message.textContent !== body.message) message.textContent = body.message;
      showPartial(body);
      if (body.status !== "failed") window.setTimeout(poll, 3000);
    }, () => window.setTimeout(poll, 5000));
  };
  window.setTimeout(poll, 2000);
}
