/* Editor page: keeps the queue fresh, posts forms in place, plays lexicon previews.
   Every form also works without this script (post, then back to the page). */
(function () {
  "use strict";
  var root = document.querySelector(".editor");
  if (!root) { return; }
  var queueUrl = root.getAttribute("data-queue-url");
  var csrf = document.querySelector('meta[name="csrf-token"]').getAttribute("content");
  var rows = document.getElementById("queue-rows");
  var summary = document.getElementById("queue-summary");
  var messages = document.getElementById("thong-bao");
  var POLL_MS = 2000;
  var timer = null;

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined && text !== null) { node.textContent = text; }
    return node;
  }

  function say(text, isError) {
    messages.textContent = "";
    messages.appendChild(el("p", { "class": isError ? "message message-error" : "message" }, text));
  }

  function retryForm(job) {
    var form = el("form", { method: "post", action: "/editor/jobs/" + encodeURIComponent(job.id) + "/retry",
                            "class": "js-post inline-form" });
    form.appendChild(el("input", { type: "hidden", name: "csrf_token", value: csrf }));
    var button = el("button", { type: "submit" }, "Thử lại");
    button.appendChild(el("span", { "class": "visually-hidden" }, ": " + job.url));
    form.appendChild(button);
    return form;
  }

  function renderRows(jobs) {
    var focused = document.activeElement;
    var focusedJob = focused && rows.contains(focused) ? focused.closest("tr").getAttribute("data-job-id") : null;
    var body = document.createDocumentFragment();
    if (!jobs.length) {
      var empty = el("tr", { "class": "empty" });
      empty.appendChild(el("td", { colspan: "5" }, "Chưa có tác vụ nào."));
      body.appendChild(empty);
    }
    jobs.forEach(function (job) {
      var tr = el("tr", { "data-job-id": job.id, "class": "status-" + job.status });
      tr.appendChild(el("td", { "class": "url" }, (job.kind === "crawl" ? "Quét trang tin: " : "") + job.url));
      tr.appendChild(el("td", {}, job.status_label));
      tr.appendChild(el("td", {}, job.stage_label));
      tr.appendChild(el("td", {}, job.failure_label || ""));
      var actions = el("td", {});
      if (["failed", "stopped", "canceled"].indexOf(job.status) >= 0) { actions.appendChild(retryForm(job)); }
      tr.appendChild(actions);
      body.appendChild(tr);
    });
    rows.textContent = "";
    rows.appendChild(body);
    if (focusedJob) {  // keep keyboard focus on the row's button after a refresh
      var again = rows.querySelector('tr[data-job-id="' + focusedJob + '"] button');
      if (again) { again.focus(); }
    }
  }

  function renderSummary(counts) {
    var text = "Đang chờ " + ((counts.queued || 0) + (counts.scheduled || 0)) +
      ", đang xử lý " + (counts.started || 0) + ", lỗi " + (counts.failed || 0) +
      ", xong " + (counts.finished || 0) + ".";
    if (summary.textContent.replace(/\s+/g, " ").trim() !== text) { summary.textContent = text; }
  }

  function poll() {
    clearTimeout(timer);
    fetch(queueUrl, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.json() : Promise.reject(r.status); })
      .then(function (data) { renderRows(data.jobs); renderSummary(data.counts); })
      .catch(function () { /* the next poll tries again */ })
      .then(function () { timer = setTimeout(poll, document.hidden ? POLL_MS * 5 : POLL_MS); });
  }

  function post(url, form) {
    return fetch(url, { method: "post", body: new FormData(form), credentials: "same-origin",
                        headers: { Accept: "application/json", "X-CSRF-Token": csrf } });
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.classList || !form.classList.contains("js-post")) { return; }
    event.preventDefault();
    post(form.getAttribute("action"), form)
      .then(function (r) { return r.json().then(function (data) { return { ok: r.ok, data: data }; }); })
      .then(function (res) {
        say(res.data.message || "", !res.ok);
        if (res.ok) {
          var area = form.querySelector("textarea");
          if (area) { area.value = ""; }
        }
        poll();
      })
      .catch(function () { say("Không gửi được yêu cầu. Xin kiểm tra kết nối và thử lại.", true); });
  });

  var preview = document.querySelector(".js-preview");
  if (preview) {
    preview.addEventListener("click", function (event) {
      var form = preview.form;
      if (!form.reportValidity()) { event.preventDefault(); return; }
      event.preventDefault();
      var status = document.getElementById("preview-status");
      var audio = document.getElementById("preview-audio");
      status.textContent = "Đang tạo âm thanh…";
      post(preview.getAttribute("formaction"), form).then(function (r) {
        if (!r.ok) {
          return r.json().then(function (d) { status.textContent = d.message || "Không nghe thử được."; });
        }
        var spoken = decodeURIComponent(r.headers.get("X-Spoken-Text") || "");
        return r.blob().then(function (blob) {
          if (audio.src) { URL.revokeObjectURL(audio.src); }
          audio.src = URL.createObjectURL(blob);
          audio.hidden = false;
          status.textContent = "Đang phát: " + spoken;
          audio.play().catch(function () { status.textContent = "Bấm nút phát để nghe: " + spoken; });
        });
      }).catch(function () { status.textContent = "Không nghe thử được. Xin thử lại."; });
    });
  }

  poll();
})();
