/*! Đọc nội dung: embeddable read-aloud player.
 * <script src="https://READER/embed.js" defer></script>
 * data-url, data-target, data-text-tools="off", data-highlight="off" (see docs/embedding.md).
 * Everything lives in one closure and in one shadow root: no globals, no host styles
 * except two namespaced rules used only after the reader asks for them. */
// Source: an ES module served assembled (web/scripts.py writes the shared modules it
// imports into one closure; docs/embedding.md). It is never loaded as a module itself.
import { fetchJson } from "../js/shared/net.js";
import { watchNarration } from "../js/shared/narration.js";
import { applyRate, clock, speedLabel, spokenTime, SPEEDS } from "../js/shared/format.js";
import { widgetStyle } from "./style.js";

function startWidget() {
  var script = document.currentScript;
  if (!script) {
    var found = document.querySelectorAll('script[src*="embed.js"]');
    script = found[found.length - 1];
  }
  if (!script || !script.src || !window.fetch || !document.body || !document.body.attachShadow) return;

  var FETCH_TIMEOUT_MS = 45000;     // the first narration answer waits for its first sentence
  var SCALES = [0.9, 1, 1.15, 1.3, 1.5, 1.75, 2];
  var HL = "docnd-reading";
  var ds = script.dataset;
  var off = function (v) { return v === "off" || v === "false" || v === "0"; };
  var opts = {
    tools: !off(ds.textTools), highlight: !off(ds.highlight), frame: ds.frame === "on"
  };
  // Where the article sits on the department's pages (the site profiles), filled in by the server.
  var PROFILES = /*docnd:selectors*/[];
  var base = script.src;
  var api = function (path) { return new URL(path, base).href; };
  var MSG = {
    loading: "Đang tải trình đọc…",
    nourl: "Không tìm thấy địa chỉ bài viết để đọc.",
    net: "Không kết nối được dịch vụ đọc. Xin vui lòng thử lại sau.",
    prep: "Đang chuẩn bị âm thanh, xin chờ trong giây lát…",
    wait: "Đang chuẩn bị đoạn tiếp theo…",
    play: "Đang đọc.", pause: "Đã tạm dừng.", end: "Đã đọc hết bài.",
    failed: "Chưa tạo được âm thanh cho bài này. Xin vui lòng thử lại sau.",
    empty: "Bài viết không có nội dung để đọc.",
    slow: "Việc chuẩn bị âm thanh lâu hơn dự kiến. Xin vui lòng thử lại sau."
  };

  function articleUrl() {
    var link = document.querySelector('link[rel="canonical"]');
    var href = ds.url || (link && link.getAttribute("href")) || location.href;
    try { return new URL(href, location.href).href.split("#")[0]; } catch (e) { return ""; }
  }

  // ---- the shadow host, placed and sized before anything is fetched ----
  var host = document.createElement("div");
  host.setAttribute("data-docnd-widget", "");
  host.style.setProperty("display", "block");
  var target = null, page = null;
  try { target = document.querySelector(ds.target || "[data-docnd-player]"); } catch (e) { /* bad selector */ }
  if (!opts.frame) page = findArticle();
  if (target) { target.textContent = ""; target.appendChild(host); }
  else if (page) page.title.insertAdjacentElement("afterend", host);
  else if (script.parentNode && document.body.contains(script)) script.parentNode.insertBefore(host, script);
  else document.body.insertBefore(host, document.body.firstChild);

  // Reserved from the first frame, the height of every later state: no layout shift.
  var withTools = !!(opts.tools && page && page.body);
  var HEIGHT_PX = withTools ? 142 : 92;
  host.style.setProperty("min-height", HEIGHT_PX + "px");
  var root = host.attachShadow({ mode: "open" });
  // In a placeholder the host page sized, the page owns the spacing; elsewhere we add a margin.
  var STYLE = widgetStyle(HEIGHT_PX, !!target);
  var ICON_PLAY = '<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M7 4v16l13-8z"/></svg>';
  var ICON_PAUSE = '<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M6 4h4v16H6zm8 0h4v16h-4z"/></svg>';
  root.innerHTML = '<div class="w" lang="vi" role="group" aria-label="Nghe đọc bài viết">' +
    '<div class="row ctl off">' +
    '<button type="button" class="play">' + ICON_PLAY + '<span>Đọc nội dung</span></button>' +
    '<input type="range" class="seek" min="0" max="0" step="1" value="0" aria-label="Vị trí đang đọc" disabled>' +
    '<span class="time" aria-hidden="true">0:00</span>' +
    '<label>Tốc độ <select class="speed">' +
    SPEEDS.map(function (r) {
      return '<option value="' + r + '"' + (r === 1 ? " selected" : "") + ">" + speedLabel(r) + "</option>";
    }).join("") + "</select></label>" +
    '<a class="dl off" download>Tải MP3</a></div>' +
    '<div class="row ctl off tools" role="group" aria-label="Cỡ chữ và màu nền của bài viết"' + (withTools ? "" : " hidden") + ">" +
    '<button type="button" data-act="-1"><span aria-hidden="true">A−</span><span class="sr">Giảm cỡ chữ</span></button>' +
    '<button type="button" data-act="0"><span aria-hidden="true">A</span><span class="sr">Cỡ chữ mặc định</span></button>' +
    '<button type="button" data-act="1"><span aria-hidden="true">A+</span><span class="sr">Tăng cỡ chữ</span></button>' +
    '<button type="button" data-act="night" aria-pressed="false">Nền tối</button></div>' +
    '<p class="status" role="status" aria-live="polite"></p>' +
    '<audio preload="none" hidden></audio></div>';
  // Constructed style sheets are not inline styles, so strict host CSPs let them through.
  function addSheet(where, css, parent) {
    if (where.adoptedStyleSheets !== undefined && window.CSSStyleSheet && CSSStyleSheet.prototype.replaceSync) {
      var sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      where.adoptedStyleSheets = where.adoptedStyleSheets.concat(sheet);
    } else {
      var st = document.createElement("style");
      st.textContent = css;
      parent.appendChild(st);
    }
  }
  addSheet(root, STYLE, root);
  var $ = function (sel) { return root.querySelector(sel); };
  var playBtn = $(".play"), seek = $(".seek"), timeEl = $(".time"), speed = $(".speed");
  var dl = $(".dl"), statusEl = $(".status"), audio = $("audio"), tools = $(".tools");

  function say(text, isError) {
    if (statusEl.textContent === (text || "")) return;   // a live region repeats what changes
    statusEl.textContent = text || "";
    statusEl.className = "status" + (isError ? " msg" : "");
  }
  function refuse(text) {
    [].forEach.call(root.querySelectorAll(".ctl"), function (el) { el.hidden = true; });
    say(text, true);
  }
  function post(msg) {
    if (opts.frame && window.parent !== window) window.parent.postMessage(msg, "*");
  }
  var lastState = "";
  function postState(state) {   // once per change: each sentence's "playing" is not news
    if (state !== lastState) post({ type: "docnd:state", state: lastState = state });
  }
  if (opts.frame && window.ResizeObserver) {
    new ResizeObserver(function () {
      post({ type: "docnd:resize", height: Math.ceil(host.getBoundingClientRect().height) });
    }).observe(host);
  }

  var NET = { credentials: "omit", timeoutMs: FETCH_TIMEOUT_MS, networkMessage: MSG.net,
              messages: { network: MSG.net, slow: MSG.slow, failed: MSG.failed } };

  // ---- the host page's article: where it is, its text tools, its highlighting ----
  function pick(list) {   // the first selector of a profile field that finds something
    for (var i = 0; i < (list || []).length; i++) {
      try { var el = document.querySelector(list[i]); if (el) return el; } catch (e) { /* not CSS here */ }
    }
    return null;
  }
  function hostMatches(pattern) {   // the scraper's shell wildcards: "*.langson.gov.vn"
    var re = "^" + pattern.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*") + "$";
    return new RegExp(re, "i").test(location.hostname);
  }
  // Profiles naming this host first, then those whose markers are on the page (as the
  // scraper picks them), then the generic one.
  function findArticle() {
    var byHost = PROFILES.filter(function (p) { return p.hosts.some(hostMatches); });
    var candidates = byHost.concat(PROFILES.filter(function (p) { return byHost.indexOf(p) < 0 && pick(p.markers); }));
    for (var i = 0; i < candidates.length; i++) {
      var p = candidates[i], title = pick(p.title), body = pick(p.body), lead = pick(p.lead);
      if (!title) continue;
      if (!body && !p.body.length) body = title.closest("article");
      var parts = [title, lead, body].filter(function (el, k, all) {
        return el && all.indexOf(el) === k && !all.some(function (o) { return o && o !== el && o.contains(el); });
      });
      return { title: title, body: body, parts: parts };
    }
    return null;
  }

  // The only rules we add to the host page: namespaced, and only once the reader asks.
  var hostStyled = false;
  function hostStyles() {
    if (hostStyled) return;
    hostStyled = true;
    addSheet(document, "::highlight(" + HL + "){background-color:#ffe066;color:#000}" +
      "[data-docnd-night]{background:#121212!important;color:#f1f1f1!important}" +
      "[data-docnd-night] *{background-color:transparent!important;color:inherit!important;border-color:#666!important}" +
      "[data-docnd-night] a{color:#9ccaff!important}", document.head);
  }

  var scaleAt = 1, saved = null;
  function applyScale(step) {
    if (!page || !page.body) return;
    scaleAt = step === 0 ? 1 : Math.max(0, Math.min(SCALES.length - 1, scaleAt + step));
    var k = SCALES[scaleAt];
    if (!saved) {   // remember every element's own size once, so "A" restores the page exactly
      saved = [];
      page.parts.forEach(function (part) {
        [part].concat([].slice.call(part.querySelectorAll("*"))).forEach(function (el) {
          if (el === host) return;
          var cs = getComputedStyle(el);
          saved.push({ el: el, fs: parseFloat(cs.fontSize), lh: /px$/.test(cs.lineHeight) ? parseFloat(cs.lineHeight) : 0,
            ofs: el.style.getPropertyValue("font-size"), ofp: el.style.getPropertyPriority("font-size"),
            olh: el.style.getPropertyValue("line-height"), olp: el.style.getPropertyPriority("line-height") });
        });
      });
    }
    saved.forEach(function (s) {
      if (k === 1) {
        s.el.style.setProperty("font-size", s.ofs, s.ofp);
        s.el.style.setProperty("line-height", s.olh, s.olp);
      } else {
        s.el.style.setProperty("font-size", (s.fs * k).toFixed(1) + "px", "important");
        if (s.lh) s.el.style.setProperty("line-height", (s.lh * k).toFixed(1) + "px", "important");
      }
    });
    say("Cỡ chữ của bài: " + Math.round(k * 100) + "%.");
  }
  function toggleNight(btn) {
    var on = btn.getAttribute("aria-pressed") !== "true";
    hostStyles();
    page.parts.forEach(function (el) { if (on) el.setAttribute("data-docnd-night", ""); else el.removeAttribute("data-docnd-night"); });
    btn.setAttribute("aria-pressed", String(on));
    say(on ? "Đã bật nền tối cho bài viết." : "Đã tắt nền tối.");
  }
  tools.addEventListener("click", function (ev) {
    var btn = ev.target.closest("button");
    if (!btn) return;
    var act = btn.getAttribute("data-act");
    if (act === "night") toggleNight(btn); else applyScale(parseInt(act, 10));
  });

  // Sentence i of the narration is sentence i on the page; find each one's text in the
  // host's article and highlight it with the CSS Custom Highlight API (no DOM changes).
  var textIndex = null, hlCursor = 0, hlRanges = {};
  var canHighlight = !!(window.CSS && CSS.highlights && window.Highlight);
  function buildIndex() {
    var text = "", map = [];
    page.parts.forEach(function (part) {
      var walk = document.createTreeWalker(part, NodeFilter.SHOW_TEXT, {
        acceptNode: function (n) {
          return n.parentElement && n.parentElement.closest("script,style,noscript,[data-docnd-widget]")
            ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT;
        }
      });
      for (var n = walk.nextNode(); n; n = walk.nextNode()) {
        var s = n.data;
        for (var i = 0; i < s.length; i++) {
          var space = /\s/.test(s[i]);
          if (space && (text === "" || text[text.length - 1] === " ")) continue;
          text += space ? " " : s[i];
          map.push(n, i);
        }
      }
      if (text && text[text.length - 1] !== " ") { text += " "; map.push(null, 0); }
    });
    textIndex = { text: text.toLowerCase(), map: map };
  }
  function rangeFor(i, sentence) {
    if (hlRanges[i] !== undefined) return hlRanges[i];
    var needle = (sentence || "").replace(/\s+/g, " ").trim().toLowerCase();
    var at = needle ? textIndex.text.indexOf(needle, hlCursor) : -1;
    if (at < 0 && needle) at = textIndex.text.indexOf(needle);
    var r = null;
    if (at >= 0) {
      var m = textIndex.map, end = at + needle.length - 1;
      if (m[2 * at] && m[2 * end]) {
        r = document.createRange();
        r.setStart(m[2 * at], m[2 * at + 1]);
        r.setEnd(m[2 * end], m[2 * end + 1] + 1);
        hlCursor = end + 1;
      }
    }
    return (hlRanges[i] = r);
  }
  function highlight(i, seg) {
    if (!opts.highlight || !canHighlight || !page || !page.body) return;
    try {
      if (!textIndex) { buildIndex(); hostStyles(); }
      var r = seg ? rangeFor(i, seg.text) : null;
      if (r) CSS.highlights.set(HL, new Highlight(r)); else CSS.highlights.delete(HL);
    } catch (e) { /* highlighting is a bonus; never let it stop the audio */ }
  }

  // ---- playback: segments in order, as the service renders them ----
  var narration = null, cur = -1, waiting = false, watching = false;
  var rate = 1;

  function segs() { return (narration && narration.segments) || []; }
  function totalMs() {
    var list = segs(), last = list[list.length - 1];
    return (narration && narration.duration_ms) || (last ? last.end_ms : 0);
  }
  var startS = 0;   // where the current segment starts playing, until its data arrives
  function nowMs() {
    var s = segs()[cur];
    return s ? s.start_ms + (audio.readyState ? audio.currentTime : startS) * 1000 : 0;
  }
  function showTime() {
    var ready = narration && narration.status === "ready", t = nowMs(), total = totalMs();
    timeEl.textContent = clock(t / 1000) + (ready ? " / " + clock(total / 1000) : "");
    if (ready) {
      seek.disabled = false;
      seek.max = String(Math.round(total / 1000));
      seek.value = String(Math.round(t / 1000));
      seek.setAttribute("aria-valuetext", spokenTime(t / 1000) + " trên " + spokenTime(total / 1000));
    }
  }
  function setPlaying(on, state) {
    playBtn.innerHTML = (on ? ICON_PAUSE : ICON_PLAY) + "<span>" +
      (on ? "Tạm dừng" : cur >= 0 ? "Tiếp tục đọc" : "Đọc nội dung") + "</span>";
    postState(state || (on ? "playing" : "paused"));
  }
  function resume() {
    var p = audio.play();
    if (p && p.catch) p.catch(function () { if (audio.paused) setPlaying(false); });
  }
  function playSegment(i, offsetS, paused) {
    var s = segs()[i];
    if (!s || !s.audio_url) {   // not rendered yet: wait for the next poll
      if (narration && narration.status === "ready") return finish();
      cur = i; waiting = true; say(i ? MSG.wait : MSG.prep); return;
    }
    waiting = false;
    cur = i;
    audio.src = api(s.audio_url);
    applyRate(audio, rate);
    startS = offsetS || 0;
    if (startS) audio.currentTime = startS;
    highlight(i, s);
    showTime();
    if (!paused) resume(); else setPlaying(false);
  }
  function finish() {
    cur = -1; waiting = false;
    setPlaying(false, "ended");
    highlight(-1, null);
    say(MSG.end);
  }
  audio.addEventListener("playing", function () { setPlaying(true); say(MSG.play); });
  audio.addEventListener("pause", function () { if (!audio.ended) { setPlaying(false); say(MSG.pause); } });
  audio.addEventListener("timeupdate", showTime);
  audio.addEventListener("ended", function () { playSegment(cur + 1); });
  audio.addEventListener("error", function () {
    if (audio.getAttribute("src")) { setPlaying(false); say(MSG.net, true); }
  });

  function stop(text) {
    watching = false; waiting = false;
    setPlaying(false);
    say(text, true);
  }
  function onNarration(record) {
    narration = record;
    if (narration.status === "ready" || narration.status === "failed") watching = false;
    if (narration.audio_url && narration.status === "ready") {
      dl.href = api(narration.audio_url) + (narration.audio_url.indexOf("?") < 0 ? "?" : "&") + "download=1";
      dl.classList.remove("off");   // its space was held from the start: nothing moves
    }
    showTime();
    if (narration.status === "failed") return stop(MSG.failed);
    if (narration.status === "ready" && !segs().length) return stop(MSG.empty);
    if (waiting) playSegment(cur);
  }
  // Asks the service, and again while it renders (the shared narration client).
  function follow() {
    if (watching) return;
    watching = true;
    watchNarration(api(config.narration_url), onNarration, function (error) { stop(error.message); }, NET);
  }

  // No autoplay: sound starts only from this button (or the position slider).
  playBtn.addEventListener("click", function () {
    if (!audio.paused) return audio.pause();
    if (waiting) { waiting = false; setPlaying(false); return say(MSG.pause); }
    if (cur >= 0 && audio.getAttribute("src") && !audio.ended) return resume();
    if (cur < 0) cur = 0;
    setPlaying(true);
    if (narration) playSegment(cur); else { waiting = true; say(MSG.prep); }
    if (!narration || narration.status !== "ready") follow();
  });
  speed.addEventListener("change", function () {
    rate = parseFloat(speed.value) || 1;
    applyRate(audio, rate);
    say("Tốc độ đọc: " + speed.options[speed.selectedIndex].text + ".");
  });
  seek.addEventListener("change", function () {
    var t = parseInt(seek.value, 10) * 1000, list = segs();
    for (var i = 0; i < list.length; i++) {
      if (t < list[i].end_ms || i === list.length - 1) {
        return playSegment(i, Math.max(0, (t - list[i].start_ms) / 1000), audio.paused);
      }
    }
  });

  // ---- start: ask the service whether this page may embed us, for this article ----
  var config = null;
  var url = articleUrl();
  say(MSG.loading);
  if (!url) { refuse(MSG.nourl); return; }
  fetchJson(api("api/v1/embed/config?url=" + encodeURIComponent(url)), NET).then(function (res) {
    if (res.status !== 200 || !res.body.narration_url) return refuse(res.body.message || MSG.net);
    config = res.body;
    [].forEach.call(root.querySelectorAll(".ctl"), function (el) { el.classList.remove("off"); });
    say("");
  }, function () { refuse(MSG.net); });
}

startWidget();
