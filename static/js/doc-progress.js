/* The document is being read on the workers: ask how far every few seconds, say it in the
   live region, and open the reader view when it is ready. Nothing else on the page moves. */
import { fetchJson } from "./shared/net.js";

const box = document.querySelector("[data-doc-status]");
if (box) {
  const message = box.querySelector("[data-doc-message]");
  const poll = () => {
    fetchJson(box.getAttribute("data-doc-status")).then(({ body }) => {
      if (body.ready) { window.location.reload(); return; }
      if (body.message && message.textContent !== body.message) message.textContent = body.message;
      if (body.status !== "failed") window.setTimeout(poll, 3000);
    }, () => window.setTimeout(poll, 5000));
  };
  window.setTimeout(poll, 2000);
}
