/* Đọc nội dung: the player of the reader page (no third-party code, no inline script).

   It drives the page's own <audio> element (the one that plays the whole article when scripts
   are off). The narration record (GET /api/v1/narration?url=) lists the article's segments,
   one per sentence, in reading order with start/end times. While the narration is still
   rendering the player plays segment after segment as they appear (polling the record);
   once it is ready it plays the whole-article MP3 and follows it with the segment times.
   Either way the sentence being heard is the one highlighted: highlight follows the audio. */
(function () {
  "use strict";

  var article = document.querySelector("[data-reader]");
  var box = document.querySelector("[data-player]");
  if (!article || !box) return;

  var POLL_MS = 1000;
  var POLL_MAX = 600; // ten minutes of "still rendering" at most, then we give up politely
  var FETCH_TIMEOUT_MS = 20000;
  var BUSY_RETRIES = 3;
  var BUSY_WAIT_MS = 5000;
  var SPEEDS = [0.75, 1, 1.25, 1.5, 1.75, 2];
  var SEEK_STEP_S = 5;
  var SEEK_PAGE_S = 30;

  var audio = box.querySelector("[data-audio]");
  var ui = box.querySelector("[data-player-ui]");
  var toggleButton = box.querySelector('[data-cmd="toggle"]');
  var playLabel = box.querySelector("[data-play-label]");
  var iconPlay = box.querySelector(".icon-play");
  var iconPause = box.querySelector(".icon-pause");
  var seek = box.querySelector("[data-seek]");
  var elapsedText = box.querySelector("[data-elapsed]");
  var totalText = box.querySelector("[data-total]");
  var speedSelect = box.querySelector("[data-speed]");
  var autoscroll = box.querySelector("[data-autoscroll]");
  var download = box.querySelector("[data-download]");
  var liveStatus = box.querySelector("[data-status]");
  var shownStatus = box.querySelector("[data-status-visible]");

  var articleUrl = article.getAttribute("data-url");
  var narrationUrl = article.getAttribute("data-narration");
  var resumeKey = "docnd:resume:" + articleUrl;

  var spans = Array.prototype.slice.call(article.querySelectorAll(".s[data-sentence]"));
  var spanBySentence = {};
  spans.forEach(function (span) { spanBySentence[span.getAttribute("data-sentence")] = span; });

  var state = {
    record: null,        // the narration record, refreshed while rendering
    loading: null,       // the Promise of the first load
    polls: 0,
    pollTimer: null,
    mode: null,          // "whole" | "segment"
    segment: -1,         // index into record.segments of what is heard
    wanted: null,        // a sentence asked for that is not rendered yet
    wantedSegment: null, // the next segment, when playback reached the rendering edge
    valuetextAt: 0,
    playing: false,      // the reader's intent (audio may be waiting for a segment)
    highlighted: null,
    lastSavedAt: 0,
    dragging: false
  };

  /* ---------- words and numbers ---------- */

  function clock(seconds) {
    seconds = Math.max(0, Math.floor(seconds || 0));
    var h = Math.floor(seconds / 3600), m = Math.floor((seconds % 3600) / 60), s = seconds % 60;
    var ss = (s < 10 ? "0" : "") + s;
    if (h) return h + ":" + (m < 10 ? "0" : "") + m + ":" + ss;
    return m + ":" + ss;
  }

  function spoken(seconds) {
    seconds = Math.max(0, Math.round(seconds || 0));
    var h = Math.floor(seconds / 3600), m = Math.floor((seconds % 3600) / 60), s = seconds % 60;
    var parts = [];
    if (h) parts.push(h + " giờ");
    if (m) parts.push(m + " phút");
    if (s || !parts.length) parts.push(s + " giây");
    return parts.join(" ");
  }

  function speedWords(rate) {
    return String(rate).replace(".", ",") + " lần";
  }

  /* ---------- status: polite, never over the voice ---------- */

  // Shown at once; spoken by screen readers only when the article is not playing, or when it
  // matters (errors), so announcements never talk over the narration.
  function announce(text, urgent) {
    shownStatus.textContent = text;
    shownStatus.classList.toggle("is-error", !!urgent);
    if (urgent || audio.paused) {
      liveStatus.textContent = "";
      window.setTimeout(function () { liveStatus.textContent = text; }, 60);
    }
  }

  /* ---------- the narration record ---------- */

  function fetchJson(url) {
    var controller = "AbortController" in window ? new AbortController() : null;
    var timer = controller && window.setTimeout(function () { controller.abort(); }, FETCH_TIMEOUT_MS);
    return fetch(url, { headers: { "Accept": "application/json" }, credentials: "same-origin",
                        signal: controller ? controller.signal : undefined })
      .then(function (response) {
        return response.json().catch(function () { return {}; }).then(function (body) {
          if (!response.ok) {
            var error = new Error(body.message || "Không tải được âm thanh (mã lỗi " + response.status + ").");
            error.status = response.status;
            throw error;
          }
          return body;
        });
      }, function () {
        throw new Error("Không kết nối được máy chủ. Xin kiểm tra mạng rồi thử lại.");
      })
      .finally(function () { if (timer) window.clearTimeout(timer); });
  }

  function loadNarration() {
    if (state.loading) return state.loading;
    announce("Đang tạo âm thanh…");
    var attempts = 0;
    function ask() {
      return fetchJson(narrationUrl).catch(function (error) {
        // Busy (503): the server asks us to come back shortly. Do so a few times.
        if (error.status === 503 && ++attempts <= BUSY_RETRIES) {
          announce("Hệ thống đang bận, đang thử lại…");
          return new Promise(function (resolve) { window.setTimeout(resolve, BUSY_WAIT_MS); }).then(ask);
        }
        throw error;
      });
    }
    state.loading = ask().then(function (record) {
      takeRecord(record);
      return record;
    }, function (error) {
      state.loading = null; // let the reader try again
      throw error;
    });
    return state.loading;
  }

  function takeRecord(record) {
    state.record = record;
    record.segments = (record.segments || []).slice().sort(function (a, b) { return a.index - b.index; });
    if (record.status === "failed") {
      stopPolling();
      fail(new Error(record.message || "Không tạo được âm thanh cho bài này. Xin thử lại sau."));
      return;
    }
    if (record.status === "ready") {
      stopPolling();
      if (record.audio_url) {
        download.setAttribute("href", record.audio_url);
      }
      showDuration();
    } else {
      schedulePoll();
      showDuration();
    }
    // A segment we were waiting for may have arrived.
    if (state.wanted !== null) {
      var k = segmentForSentence(state.wanted);
      if (k >= 0) {
        state.wanted = null;
        startAtSegment(k, 0);
      }
    } else if (state.wantedSegment !== null && record.segments[state.wantedSegment]) {
      var next = state.wantedSegment;
      state.wantedSegment = null;
      if (state.playing) startAtSegment(next, 0);
    }
    if (state.mode === null && record.status === "ready") updateMediaPosition();
  }

  function schedulePoll() {
    if (state.pollTimer) return;
    if (state.polls >= POLL_MAX) {
      fail(new Error("Âm thanh chưa tạo xong sau thời gian dài. Xin thử lại sau."));
      return;
    }
    state.pollTimer = window.setTimeout(function () {
      state.pollTimer = null;
      state.polls += 1;
      fetchJson(narrationUrl).then(takeRecord, function (error) {
        // One failed poll is not the end: try again, a little later, a few times.
        if (state.polls < POLL_MAX) schedulePoll(); else fail(error);
      });
    }, POLL_MS);
  }

  function stopPolling() {
    if (state.pollTimer) window.clearTimeout(state.pollTimer);
    state.pollTimer = null;
  }

  function segments() { return state.record ? state.record.segments : []; }
  function isReady() { return !!(state.record && state.record.status === "ready" && state.record.audio_url); }

  function totalMs() {
    if (!state.record) return 0;
    if (state.record.duration_ms) return state.record.duration_ms;
    var list = segments();
    return list.length ? (list[list.length - 1].end_ms || 0) : 0;
  }

  function segmentForSentence(sentence) {
    var list = segments();
    for (var i = 0; i < list.length; i++) {
      if (list[i].sentence === sentence) return i;
      if (list[i].sentence > sentence) return i; // sentence without audio (rare): the next one
    }
    return -1;
  }

  function segmentAtMs(ms) {
    var list = segments();
    for (var i = 0; i < list.length; i++) {
      if (ms < (list[i].end_ms || 0)) return i;
    }
    return list.length - 1;
  }

  /* ---------- where we are ---------- */

  function positionMs() {
    var list = segments();
    if (state.mode === "whole") return audio.currentTime * 1000;
    if (state.mode === "segment" && list[state.segment]) {
      return (list[state.segment].start_ms || 0) + audio.currentTime * 1000;
    }
    return 0;
  }

  function showDuration() {
    var total = totalMs() / 1000;
    var done = isReady();
    seek.max = String(Math.max(0, Math.ceil(total)));
    totalText.textContent = done ? clock(total) : clock(total) + "…";
    showPosition();
  }

  function showPosition() {
    var now = positionMs() / 1000;
    var total = totalMs() / 1000;
    elapsedText.textContent = clock(now);
    // With focus on the slider, a screen reader may speak every change: while the voice is
    // reading, refresh it only every 15 s so it does not talk over the article.
    var t = Date.now();
    if (state.playing && document.activeElement === seek && t - state.valuetextAt < 15000) return;
    state.valuetextAt = t;
    if (!state.dragging) seek.value = String(Math.floor(now));
    seek.setAttribute("aria-valuetext", spoken(now) + " trên " + spoken(total) +
                      (isReady() || !state.record ? "" : " (đang tạo tiếp)"));
  }

  /* ---------- the highlight ---------- */

  function highlight(sentence) {
    if (state.highlighted === sentence) return;
    var old = state.highlighted !== null ? spanBySentence[state.highlighted] : null;
    if (old) old.classList.remove("is-speaking");
    state.highlighted = sentence;
    var span = sentence !== null ? spanBySentence[sentence] : null;
    if (!span) return;
    span.classList.add("is-speaking");
    if (state.playing && autoscroll.checked) scrollToSentence(span);
  }

  function scrollToSentence(span) {
    var rect = span.getBoundingClientRect();
    var height = window.innerHeight || document.documentElement.clientHeight;
    // Only when the sentence leaves the comfortable middle of the screen: no constant jumping.
    if (rect.top < height * 0.15 || rect.bottom > height * 0.85) {
      var smooth = !window.matchMedia("(prefers-reduced-motion: reduce)").matches;
      span.scrollIntoView({ block: "center", behavior: smooth ? "smooth" : "auto" });
    }
  }

  function followAudio() {
    var list = segments();
    if (!list.length || state.mode === null) return;
    if (state.mode === "whole") {
      var ms = audio.currentTime * 1000;
      var k = state.segment;
      // Usually still the same segment or the next one: check those before searching.
      if (!(list[k] && ms >= (list[k].start_ms || 0) && ms < list[k].end_ms)) k = segmentAtMs(ms);
      state.segment = k;
    }
    if (list[state.segment]) highlight(list[state.segment].sentence);
    showPosition();
    updateMediaPosition();
    remember();
  }

  /* ---------- playing ---------- */

  function applySpeed() {
    var rate = parseFloat(speedSelect.value) || 1;
    audio.defaultPlaybackRate = rate;
    audio.playbackRate = rate;
    if ("preservesPitch" in audio) audio.preservesPitch = true;
    else if ("webkitPreservesPitch" in audio) audio.webkitPreservesPitch = true;
  }

  function setSource(url) {
    if (audio.getAttribute("src") !== url) {
      audio.setAttribute("src", url);
      audio.load();
    }
    applySpeed(); // load() resets the rate to the default rate; set both
  }

  function whenMetadata(callback) {
    if (audio.readyState >= 1) { callback(); return; }
    audio.addEventListener("loadedmetadata", function once() {
      audio.removeEventListener("loadedmetadata", once);
      callback();
    });
  }

  function startAtSegment(k, offsetMs) {
    var list = segments();
    var seg = list[k];
    if (!seg) return;
    state.segment = k;
    highlight(seg.sentence);
    if (isReady()) {
      state.mode = "whole";
      setSource(state.record.audio_url);
      whenMetadata(function () {
        audio.currentTime = ((seg.start_ms || 0) + (offsetMs || 0)) / 1000;
        resumeAudio();
      });
    } else {
      state.mode = "segment";
      setSource(seg.audio_url);
      whenMetadata(function () {
        audio.currentTime = (offsetMs || 0) / 1000;
        resumeAudio();
      });
    }
    showPosition();
  }

  function resumeAudio() {
    if (!state.playing) return;
    var started = audio.play();
    if (started && started.catch) {
      started.catch(function (error) {
        if (error && error.name === "AbortError") return; // a newer source replaced this one
        state.playing = false;
        showPlaying();
        announce("Trình duyệt chưa cho phát âm thanh. Xin nhấn nút Phát.", true);
      });
    }
  }

  function playSentence(sentence) {
    state.playing = true;
    showPlaying();
    loadNarration().then(function () {
      var k = segmentForSentence(sentence);
      if (k >= 0) {
        state.wanted = null;
        startAtSegment(k, 0);
      } else if (isReady()) {
        announce("Câu này không có âm thanh.");
      } else {
        state.wanted = sentence; // takeRecord starts it when the segment is rendered
        highlight(sentence);
        announce("Đang tạo âm thanh cho câu này…");
      }
    }, fail);
  }

  function play() {
    if (state.mode !== null && audio.getAttribute("src") && !audio.ended) {
      state.playing = true;
      showPlaying();
      applySpeed();
      resumeAudio();
      return;
    }
    // Nothing loaded yet: start where the highlight is (the resume point, or a sentence the
    // reader moved to), else at the top.
    var from = state.highlighted !== null && spanBySentence[state.highlighted] ? state.highlighted : 0;
    playSentence(from);
  }

  function pause() {
    state.playing = false;
    audio.pause();
    showPlaying();
    remember(true);
  }

  function toggle() {
    if (state.playing) pause(); else play();
  }

  function nextSegmentAfterEnd() {
    var list = segments();
    var k = state.segment + 1;
    if (list[k]) {
      startAtSegment(k, 0);
    } else if (isReady()) {
      finished();
    } else {
      // The next segment is still being rendered: the next poll starts it.
      state.wantedSegment = k;
      announce("Đang tạo âm thanh…");
    }
  }

  function finished() {
    state.playing = false;
    state.mode = null;
    showPlaying();
    highlight(null);
    forget();
    announce("Đã đọc xong bài viết.");
  }

  function moveSentence(delta) {
    var list = segments();
    if (!state.record) {
      var from = state.highlighted === null ? (delta > 0 ? -1 : 0) : state.highlighted;
      var to = Math.max(0, from + delta);
      if (spanBySentence[to]) jumpTo(to);
      return;
    }
    var current = list[state.segment] ? list[state.segment].sentence : (state.highlighted || 0);
    // "Câu trước" a few seconds into a sentence goes back to its start, like a music player.
    if (delta < 0 && state.mode !== null && positionMs() - ((list[state.segment] || {}).start_ms || 0) > 3000) delta = 0;
    var target = Math.max(0, current + delta);
    if (!spanBySentence[target] && delta > 0) { announce("Đây là câu cuối."); return; }
    jumpTo(target);
  }

  function moveBlock(delta) {
    var currentSentence = state.highlighted !== null ? state.highlighted : 0;
    var currentSpan = spanBySentence[currentSentence];
    var block = currentSpan ? parseInt(currentSpan.getAttribute("data-block"), 10) : 0;
    var firstOfBlock = null;
    spans.forEach(function (span) {
      if (firstOfBlock === null && parseInt(span.getAttribute("data-block"), 10) === block) {
        firstOfBlock = parseInt(span.getAttribute("data-sentence"), 10);
      }
    });
    var target = null;
    if (delta < 0 && firstOfBlock !== null && currentSentence > firstOfBlock) {
      target = firstOfBlock; // back to the start of this paragraph first
    } else {
      var blocks = [];
      spans.forEach(function (span) {
        var b = parseInt(span.getAttribute("data-block"), 10);
        if (blocks.indexOf(b) < 0) blocks.push(b);
      });
      blocks.sort(function (a, b) { return a - b; });
      var wantedBlock = blocks[blocks.indexOf(block) + delta];
      if (wantedBlock === undefined) {
        announce(delta > 0 ? "Đây là đoạn cuối." : "Đây là đoạn đầu.");
        return;
      }
      spans.some(function (span) {
        if (parseInt(span.getAttribute("data-block"), 10) === wantedBlock) {
          target = parseInt(span.getAttribute("data-sentence"), 10);
          return true;
        }
        return false;
      });
    }
    if (target !== null) jumpTo(target);
  }

  // Move to a sentence; keep playing if we were, otherwise just show where we are.
  function jumpTo(sentence) {
    if (state.playing) { playSentence(sentence); return; }
    if (!state.record) {
      highlight(sentence);
      return;
    }
    var k = segmentForSentence(sentence);
    if (k >= 0) {
      state.segment = k;
      state.mode = isReady() ? "whole" : "segment";
      highlight(segments()[k].sentence);
      var seg = segments()[k];
      setSource(state.mode === "whole" ? state.record.audio_url : seg.audio_url);
      whenMetadata(function () {
        audio.currentTime = state.mode === "whole" ? (seg.start_ms || 0) / 1000 : 0;
        showPosition();
      });
      remember(true);
    } else {
      highlight(sentence);
    }
  }

  function seekToSeconds(seconds) {
    if (!state.record) return;
    var ms = Math.max(0, Math.min(totalMs(), seconds * 1000));
    var k = segmentAtMs(ms);
    var seg = segments()[k];
    if (!seg) return;
    if (isReady()) {
      if (state.mode !== "whole") {
        state.mode = "whole";
        setSource(state.record.audio_url);
      }
      state.segment = k;
      whenMetadata(function () {
        audio.currentTime = ms / 1000;
        followAudio();
        resumeAudio();
      });
    } else {
      startAtSegment(k, ms - (seg.start_ms || 0));
    }
  }

  function fail(error) {
    state.playing = false;
    state.wanted = null;
    state.wantedSegment = null;
    audio.pause();
    showPlaying();
    announce((error && error.message) || "Đã có lỗi khi phát âm thanh. Xin thử lại.", true);
  }

  /* ---------- showing state ---------- */

  function showPlaying() {
    var on = state.playing;
    playLabel.textContent = on ? "Tạm dừng" : "Phát";
    // SVG elements have no .hidden property: use the attribute ([hidden] is display: none).
    iconPlay.toggleAttribute("hidden", on);
    iconPause.toggleAttribute("hidden", !on);
    if ("mediaSession" in navigator) {
      navigator.mediaSession.playbackState = on ? "playing" : "paused";
    }
  }

  /* ---------- resume per article ---------- */

  function remember(now) {
    if (!state.record || state.highlighted === null) return;
    var t = Date.now();
    if (!now && t - state.lastSavedAt < 2000) return;
    state.lastSavedAt = t;
    try { localStorage.setItem(resumeKey, JSON.stringify({ sentence: state.highlighted, at: t })); }
    catch (e) { /* not remembered: no harm */ }
  }

  function recall() {
    try {
      var saved = JSON.parse(localStorage.getItem(resumeKey) || "null");
      return saved && typeof saved.sentence === "number" ? saved.sentence : null;
    } catch (e) { return null; }
  }

  function forget() {
    try { localStorage.removeItem(resumeKey); } catch (e) { /* nothing to forget */ }
  }

  /* ---------- Media Session: lock screen, headset and keyboard media keys ---------- */

  function setupMediaSession() {
    if (!("mediaSession" in navigator)) return;
    var session = navigator.mediaSession;
    try {
      session.metadata = new window.MediaMetadata({
        title: article.getAttribute("data-title"),
        artist: article.getAttribute("data-site"),
        album: "Đọc nội dung",
        artwork: [{ src: article.getAttribute("data-artwork"), sizes: "any", type: "image/svg+xml" }]
      });
    } catch (e) { /* old browser: metadata is a nicety */ }
    var handlers = {
      play: play,
      pause: pause,
      stop: pause,
      previoustrack: function () { moveSentence(-1); },
      nexttrack: function () { moveSentence(1); },
      seekbackward: function (details) { seekToSeconds(positionMs() / 1000 - ((details && details.seekOffset) || 10)); },
      seekforward: function (details) { seekToSeconds(positionMs() / 1000 + ((details && details.seekOffset) || 10)); },
      seekto: function (details) { if (details && typeof details.seekTime === "number") seekToSeconds(details.seekTime); }
    };
    Object.keys(handlers).forEach(function (action) {
      try { session.setActionHandler(action, handlers[action]); } catch (e) { /* unsupported action */ }
    });
  }

  function updateMediaPosition() {
    if (!("mediaSession" in navigator) || !navigator.mediaSession.setPositionState) return;
    var duration = totalMs() / 1000;
    if (!duration) return;
    try {
      navigator.mediaSession.setPositionState({
        duration: duration,
        playbackRate: audio.playbackRate || 1,
        position: Math.min(duration, positionMs() / 1000)
      });
    } catch (e) { /* position outside duration while rendering: skip */ }
  }

  /* ---------- wiring ---------- */

  audio.addEventListener("timeupdate", followAudio);
  // timeupdate comes about four times a second; between, keep the highlight on time.
  var ticking = false;
  function syncHighlight() {
    if (audio.paused) { ticking = false; return; }
    ticking = true;
    var list = segments();
    if (state.mode === "whole" && list.length) {
      var ms = audio.currentTime * 1000, seg = list[state.segment];
      if (!(seg && ms >= (seg.start_ms || 0) && ms < seg.end_ms)) {
        state.segment = segmentAtMs(ms);
        if (list[state.segment]) highlight(list[state.segment].sentence);
      }
    }
    window.requestAnimationFrame(syncHighlight);
  }
  audio.addEventListener("ended", function () {
    if (state.mode === "segment") nextSegmentAfterEnd();
    else if (state.mode === "whole") finished();
  });
  audio.addEventListener("error", function () {
    if (state.mode === null) return; // the idle no-script source, never fetched
    fail(new Error("Không phát được âm thanh. Xin thử lại sau ít phút."));
  });
  audio.addEventListener("pause", function () {
    // Paused from outside (headset, another tab's audio): reflect it, and stop auto-scroll.
    if (!audio.ended && state.playing && !audio.seeking && audio.readyState >= 2) {
      state.playing = false;
      showPlaying();
    }
  });
  audio.addEventListener("playing", function () {
    if (!state.playing) { state.playing = true; showPlaying(); }
    if (!ticking) { ticking = true; window.requestAnimationFrame(syncHighlight); }
    if (shownStatus.textContent.indexOf("Đang tạo") === 0) announce("");
  });

  box.addEventListener("click", function (event) {
    var button = event.target.closest("[data-cmd]");
    if (!button) return;
    command(button.getAttribute("data-cmd"));
  });

  function command(name) {
    if (name === "toggle") toggle();
    else if (name === "prev-sentence") moveSentence(-1);
    else if (name === "next-sentence") moveSentence(1);
    else if (name === "prev-block") moveBlock(-1);
    else if (name === "next-block") moveBlock(1);
  }

  function changeSpeed(delta) {
    var i = SPEEDS.indexOf(parseFloat(speedSelect.value));
    var next = SPEEDS[Math.max(0, Math.min(SPEEDS.length - 1, (i < 0 ? 1 : i) + delta))];
    speedSelect.value = String(next);
    onSpeed();
    announce("Tốc độ " + speedWords(next));
  }

  function onSpeed() {
    applySpeed();
    try { localStorage.setItem("docnd:speed", speedSelect.value); } catch (e) { /* not kept */ }
    updateMediaPosition();
  }
  speedSelect.addEventListener("change", onSpeed);

  // The slider: arrows move 5 s, Page keys 30 s, Home/End the ends. Seeking on "change"
  // (not every "input" while dragging) keeps audio from stuttering under the pointer.
  seek.addEventListener("pointerdown", function () { state.dragging = true; });
  seek.addEventListener("pointerup", function () { state.dragging = false; });
  seek.addEventListener("input", function () {
    elapsedText.textContent = clock(parseFloat(seek.value));
  });
  seek.addEventListener("change", function () {
    state.dragging = false;
    if (!state.record) { loadNarration().then(function () { seekToSeconds(parseFloat(seek.value)); }, fail); return; }
    seekToSeconds(parseFloat(seek.value));
  });
  seek.addEventListener("keydown", function (event) {
    var now = positionMs() / 1000;
    var to = null;
    if (event.key === "ArrowLeft" || event.key === "ArrowDown") to = now - SEEK_STEP_S;
    else if (event.key === "ArrowRight" || event.key === "ArrowUp") to = now + SEEK_STEP_S;
    else if (event.key === "PageDown") to = now - SEEK_PAGE_S;
    else if (event.key === "PageUp") to = now + SEEK_PAGE_S;
    else if (event.key === "Home") to = 0;
    else if (event.key === "End") to = totalMs() / 1000 - 1;
    if (to === null || !state.record) return;
    event.preventDefault();
    state.valuetextAt = 0;
    seekToSeconds(to);
  });

  // Single-key shortcuts, only while focus is inside the player (never steals typing).
  box.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.altKey || event.metaKey) return;
    var tag = event.target.tagName;
    if (tag === "INPUT" || tag === "SELECT" || tag === "TEXTAREA") return;
    var key = event.key;
    var handled = true;
    if (key === "k" || key === "K") toggle();
    else if (key === "j" || key === "J") moveSentence(-1);
    else if (key === "l" || key === "L") moveSentence(1);
    else if (key === "h" || key === "H") moveBlock(-1);
    else if (key === ";") moveBlock(1);
    else if (key === "-" || key === "_") changeSpeed(-1);
    else if (key === "+" || key === "=") changeSpeed(1);
    else handled = false;
    if (handled) event.preventDefault();
  });

  // Sentences: click, Enter or Space reads from there.
  spans.forEach(function (span) {
    span.setAttribute("tabindex", "0");
  });
  article.addEventListener("click", function (event) {
    var span = event.target.closest(".s[data-sentence]");
    if (!span || (window.getSelection && String(window.getSelection()).length > 0)) return;
    playSentence(parseInt(span.getAttribute("data-sentence"), 10));
  });
  article.addEventListener("keydown", function (event) {
    var span = event.target.closest && event.target.closest(".s[data-sentence]");
    if (!span || (event.key !== "Enter" && event.key !== " ")) return;
    event.preventDefault();
    playSentence(parseInt(span.getAttribute("data-sentence"), 10));
  });

  autoscroll.addEventListener("change", function () {
    try { localStorage.setItem("docnd:autoscroll", autoscroll.checked ? "1" : "0"); } catch (e) { /* not kept */ }
    if (autoscroll.checked && state.playing && state.highlighted !== null) {
      scrollToSentence(spanBySentence[state.highlighted]);
    }
  });

  // The toolbar: "Đọc nội dung" starts (or resumes) and takes the reader to the player;
  // "In trang" prints the print stylesheet's view.
  document.querySelectorAll("[data-action]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      var action = button.getAttribute("data-action");
      if (action === "print") { window.print(); return; }
      if (action === "listen") {
        toggleButton.focus();
        if (!state.playing) play();
      }
    });
  });

  /* ---------- start: scripted controls replace the native ones ---------- */

  try {
    var savedSpeed = localStorage.getItem("docnd:speed");
    if (savedSpeed && SPEEDS.indexOf(parseFloat(savedSpeed)) >= 0) speedSelect.value = savedSpeed;
    if (localStorage.getItem("docnd:autoscroll") === "0") autoscroll.checked = false;
  } catch (e) { /* defaults */ }
  audio.removeAttribute("controls");
  audio.hidden = true;
  audio.preload = "none";
  audio.removeAttribute("src"); // the no-script source renders the whole article: not needed
  box.querySelector("[data-fallback]").hidden = true;
  ui.hidden = false;
  applySpeed();
  setupMediaSession();
  showPlaying();
  var resumeAt = recall();
  if (resumeAt !== null && spanBySentence[resumeAt] && resumeAt > 0) {
    highlight(resumeAt);
    announce("Bạn đã nghe đến câu " + (resumeAt + 1) + ". Nhấn Phát để nghe tiếp.");
  }
})();
