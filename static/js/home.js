/* Home page: "Nghe" on each article, and "Nghe liên tục" (one article after another, like a
   radio bulletin). Plays each article's whole MP3 once its narration is ready, and asks for
   the next article's narration while the current one plays, so there is no wait between.
   An ES module: the narration client and the speeds are shared with the reader page. */
import { readyAudioUrl } from "./shared/narration.js";
import { applyRate, savedSpeed, saveSpeed } from "./shared/format.js";

function start(box) {
  var audio = box.querySelector("[data-audio]");
  var toggleButton = box.querySelector('[data-cmd="toggle"]');
  var playLabel = box.querySelector("[data-play-label]");
  var iconPlay = box.querySelector(".icon-play");
  var iconPause = box.querySelector(".icon-pause");
  var speedSelect = box.querySelector("[data-speed]");
  var nowPlaying = box.querySelector("[data-now-playing]");
  var liveStatus = box.querySelector("[data-status]");
  var items = Array.prototype.slice.call(document.querySelectorAll("[data-item]"));

  var state = { index: -1, playing: false, ready: {}, pending: {}, token: 0 };

  function announce(text, urgent) {
    nowPlaying.textContent = text;
    if (urgent || audio.paused) {
      liveStatus.textContent = "";
      window.setTimeout(function () { liveStatus.textContent = text; }, 60);
    }
  }

  // The whole-article MP3 URL of item i, once its narration is ready (polling while it renders).
  function audioUrlOf(i) {
    if (state.ready[i]) return Promise.resolve(state.ready[i]);
    if (state.pending[i]) return state.pending[i];
    // A prepared article names its whole MP3: it plays even while the source site is down.
    var prepared = items[i].getAttribute("data-audio-url");
    if (prepared) return Promise.resolve(state.ready[i] = prepared);
    state.pending[i] = readyAudioUrl(items[i].getAttribute("data-narration")).then(function (url) {
      state.ready[i] = url;
      return url;
    });
    state.pending[i].catch(function () { delete state.pending[i]; });
    return state.pending[i];
  }

  function titleOf(i) { return items[i].getAttribute("data-title"); }

  function showPlaying() {
    playLabel.textContent = state.playing ? "Tạm dừng" : (state.index >= 0 ? "Nghe tiếp" : "Nghe liên tục");
    iconPlay.toggleAttribute("hidden", state.playing);
    iconPause.toggleAttribute("hidden", !state.playing);
    items.forEach(function (item, i) { item.classList.toggle("is-playing", i === state.index); });
    if ("mediaSession" in navigator) navigator.mediaSession.playbackState = state.playing ? "playing" : "paused";
  }

  function applySpeed() {
    applyRate(audio, parseFloat(speedSelect.value) || 1);
  }

  function playItem(i) {
    if (i < 0 || i >= items.length) {
      state.playing = false;
      showPlaying();
      announce("Đã nghe hết các bài mới.");
      return;
    }
    var token = ++state.token;
    state.index = i;
    state.playing = true;
    audio.pause();
    showPlaying();
    announce("Đang tạo âm thanh cho bài: " + titleOf(i) + "…");
    audioUrlOf(i).then(function (url) {
      if (token !== state.token) return; // the reader moved on meanwhile
      audio.src = url;
      applySpeed();
      setMetadata(i);
      var started = audio.play();
      if (started && started.catch) started.catch(function (error) {
        if (error && error.name === "AbortError") return;
        state.playing = false;
        showPlaying();
        announce("Trình duyệt chưa cho phát âm thanh. Xin nhấn nút Nghe.", true);
      });
      nowPlaying.textContent = "Đang đọc bài " + (i + 1) + " trên " + items.length + ": " + titleOf(i);
      if (i + 1 < items.length) audioUrlOf(i + 1).catch(function () { /* asked again when its turn comes */ });
    }, function (error) {
      if (token !== state.token) return;
      announce(error.message + " Chuyển sang bài sau.", true);
      if (i + 1 < items.length) window.setTimeout(function () { if (token === state.token) playItem(i + 1); }, 1500);
      else { state.playing = false; showPlaying(); }
    });
  }

  function setMetadata(i) {
    if (!("mediaSession" in navigator) || !window.MediaMetadata) return;
    navigator.mediaSession.metadata = new window.MediaMetadata({
      title: titleOf(i), artist: document.title.split(" · ").pop(), album: "Nghe liên tục"
    });
  }

  function toggle() {
    if (state.playing) {
      state.playing = false;
      state.token++;
      audio.pause();
      showPlaying();
      announce("Đã tạm dừng.");
    } else if (state.index >= 0 && audio.getAttribute("src") && !audio.ended) {
      state.playing = true;
      applySpeed();
      audio.play();
      showPlaying();
    } else {
      playItem(Math.max(0, state.index));
    }
  }

  box.addEventListener("click", function (event) {
    var button = event.target.closest("[data-cmd]");
    if (!button) return;
    var cmd = button.getAttribute("data-cmd");
    if (cmd === "toggle") toggle();
    else if (cmd === "prev") playItem(Math.max(0, state.index - 1));
    else if (cmd === "next") playItem(state.index + 1);
  });

  audio.addEventListener("ended", function () { if (state.playing) playItem(state.index + 1); });
  audio.addEventListener("error", function () {
    if (!audio.getAttribute("src")) return;
    announce("Không phát được âm thanh của bài này.", true);
  });
  speedSelect.addEventListener("change", function () {
    applySpeed();
    saveSpeed(parseFloat(speedSelect.value) || 1);
  });

  // Each article's "Nghe" link (the MP3 without scripts) becomes a button that plays it here.
  items.forEach(function (item, i) {
    var link = item.querySelector("[data-play-item]");
    var button = document.createElement("button");
    button.type = "button";
    button.className = "play-item";
    button.innerHTML = link.innerHTML;
    button.setAttribute("aria-label", link.getAttribute("aria-label"));
    button.addEventListener("click", function () {
      playItem(i);
      toggleButton.focus();
    });
    link.replaceWith(button);
  });

  if ("mediaSession" in navigator) {
    var handlers = {
      play: function () { if (!state.playing) toggle(); },
      pause: function () { if (state.playing) toggle(); },
      previoustrack: function () { playItem(Math.max(0, state.index - 1)); },
      nexttrack: function () { playItem(state.index + 1); }
    };
    Object.keys(handlers).forEach(function (action) {
      try { navigator.mediaSession.setActionHandler(action, handlers[action]); } catch (e) { /* unsupported */ }
    });
  }

  var rate = savedSpeed();
  if (rate !== null) speedSelect.value = String(rate);
  box.hidden = false;
  showPlaying();
}

var playlist = document.querySelector("[data-playlist]");
if (playlist) start(playlist);
