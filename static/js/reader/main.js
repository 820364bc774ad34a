/* Đọc nội dung: the reader page's player (no third-party code, no inline script, no bundler).
   Modules: player.js (state and playing), highlight.js (sentences), status.js (what it says),
   keys.js, resume.js, media-session.js; ../shared/ holds the narration client and the
   formatting shared with the home page and the embed widget. See docs/reader-page.md. */
import { clock, savedSpeed, saveSpeed, speedWords, spokenTime, SPEEDS } from "../shared/format.js";
import { createHighlighter } from "./highlight.js";
import { bindPlayerKeys, bindSeekKeys, bindSentenceClicks } from "./keys.js";
import { setupMediaSession, showMediaPosition, showPlaybackState } from "./media-session.js";
import { createPlayer } from "./player.js";
import { createResume } from "./resume.js";
import { createStatus } from "./status.js";

const VALUETEXT_EVERY_MS = 15000;

function start(article, box) {
  const $ = (selector) => box.querySelector(selector);
  const audio = $("[data-audio]"), seek = $("[data-seek]"), speedSelect = $("[data-speed]");
  const autoscroll = $("[data-autoscroll]"), playLabel = $("[data-play-label]");
  const ui = { dragging: false, valuetextAt: 0 };

  const status = createStatus($("[data-status-visible]"), $("[data-status]"), () => !audio.paused);
  const resume = createResume(article.getAttribute("data-url"));
  let player = null;
  const lit = createHighlighter(article, () => player && player.state.playing && autoscroll.checked);

  const view = {
    playing(on) {
      playLabel.textContent = on ? "Tạm dừng" : "Phát";
      // SVG elements have no .hidden property: use the attribute ([hidden] is display: none).
      $(".icon-play").toggleAttribute("hidden", on);
      $(".icon-pause").toggleAttribute("hidden", !on);
      showPlaybackState(on);
    },
    duration(totalS, done) {
      seek.max = String(Math.max(0, Math.ceil(totalS)));
      $("[data-total]").textContent = clock(totalS) + (done ? "" : "…");
      view.position();
    },
    position() {
      const now = player.positionMs() / 1000, total = player.totalMs() / 1000;
      $("[data-elapsed]").textContent = clock(now);
      showMediaPosition(total, audio.playbackRate, now);
      // With focus on the slider a screen reader may speak every change: while the voice
      // reads, refresh it only every 15 s so it does not talk over the article.
      const t = Date.now();
      if (player.state.playing && document.activeElement === seek && t - ui.valuetextAt < VALUETEXT_EVERY_MS) return;
      ui.valuetextAt = t;
      if (!ui.dragging) seek.value = String(Math.floor(now));
      seek.setAttribute("aria-valuetext", spokenTime(now) + " trên " + spokenTime(total) +
                        (player.isReady() || !player.state.record ? "" : " (đang tạo tiếp)"));
    },
    downloadFrom(url) { $("[data-download]").setAttribute("href", url); }
  };

  player = createPlayer({ audio, narrationUrl: article.getAttribute("data-narration"), lit, status, resume, view });

  function changeSpeed(delta) {
    const i = SPEEDS.indexOf(parseFloat(speedSelect.value));
    const next = SPEEDS[Math.max(0, Math.min(SPEEDS.length - 1, (i < 0 ? 1 : i) + delta))];
    speedSelect.value = String(next);
    onSpeed();
  }
  function onSpeed() {
    const rate = parseFloat(speedSelect.value) || 1;
    player.setRate(rate);
    saveSpeed(rate);
    status.announce("Tốc độ " + speedWords(rate) + ".", { asked: true });
  }

  /* ---------- the audio ---------- */
  let ticking = false;
  // timeupdate comes about four times a second; between, keep the highlight on time.
  function tick() {
    if (audio.paused) { ticking = false; return; }
    ticking = true;
    player.follow();
    window.requestAnimationFrame(tick);
  }
  audio.addEventListener("timeupdate", () => {
    player.follow();
    view.position();
    resume.remember(lit.current(), false);
  });
  audio.addEventListener("ended", player.ended);
  audio.addEventListener("error", () => {
    if (player.state.mode === null) return; // the idle no-script source, never fetched
    player.fail(new Error("Không phát được âm thanh. Xin thử lại sau ít phút."));
  });
  audio.addEventListener("pause", () => {
    // Paused from outside (headset, another tab's audio): reflect it, and say it once.
    if (!audio.ended && player.state.playing && !audio.seeking && audio.readyState >= 2) player.pause();
  });
  audio.addEventListener("playing", () => {
    if (!player.state.playing) { player.state.playing = true; view.playing(true); }
    if (!ticking) { ticking = true; window.requestAnimationFrame(tick); }
    status.voiceStarted();
  });

  /* ---------- controls ---------- */
  const commands = {
    toggle: player.toggle,
    "prev-sentence": () => player.moveSentence(-1),
    "next-sentence": () => player.moveSentence(1),
    "prev-block": () => player.moveBlock(-1),
    "next-block": () => player.moveBlock(1)
  };
  box.addEventListener("click", (event) => {
    const button = event.target.closest("[data-cmd]");
    if (button && commands[button.getAttribute("data-cmd")]) commands[button.getAttribute("data-cmd")]();
  });
  speedSelect.addEventListener("change", onSpeed);
  // Seeking on "change" (not every "input" while dragging) keeps audio from stuttering.
  seek.addEventListener("pointerdown", () => { ui.dragging = true; });
  seek.addEventListener("pointerup", () => { ui.dragging = false; });
  seek.addEventListener("input", () => { $("[data-elapsed]").textContent = clock(parseFloat(seek.value)); });
  seek.addEventListener("change", () => {
    ui.dragging = false;
    player.seekToSeconds(parseFloat(seek.value));
  });
  bindSeekKeys(seek, player, () => { ui.valuetextAt = 0; });
  bindPlayerKeys(box, player, changeSpeed);
  bindSentenceClicks(article, lit, player);
  autoscroll.addEventListener("change", () => {
    try { localStorage.setItem("docnd:autoscroll", autoscroll.checked ? "1" : "0"); } catch (e) { /* not kept */ }
    if (autoscroll.checked && player.state.playing) lit.scrollToCurrent();
  });
  // The toolbar: "Đọc nội dung" starts (or resumes) and takes the reader to the player;
  // "In trang" prints the print stylesheet's view.
  document.querySelectorAll("[data-action]").forEach((button) => {
    button.hidden = false;
    button.addEventListener("click", () => {
      const action = button.getAttribute("data-action");
      if (action === "print") { window.print(); return; }
      if (action === "listen") {
        $('[data-cmd="toggle"]').focus();
        if (!player.state.playing) player.play();
      }
    });
  });
  const seekBy = (details, sign) => player.seekToSeconds(player.positionMs() / 1000 + sign * ((details && details.seekOffset) || 10));
  setupMediaSession({
    title: article.getAttribute("data-title"),
    artist: article.getAttribute("data-site"),
    album: "Đọc nội dung",
    artwork: [{ src: article.getAttribute("data-artwork"), sizes: "any", type: "image/svg+xml" }]
  }, {
    play: player.play,
    pause: player.pause,
    stop: player.pause,
    previoustrack: () => player.moveSentence(-1),
    nexttrack: () => player.moveSentence(1),
    seekbackward: (details) => seekBy(details, -1),
    seekforward: (details) => seekBy(details, 1),
    seekto: (details) => { if (details && typeof details.seekTime === "number") player.seekToSeconds(details.seekTime); }
  });

  /* ---------- start: scripted controls replace the native ones ---------- */
  const rate = savedSpeed();
  if (rate !== null) speedSelect.value = String(rate);
  try {
    if (localStorage.getItem("docnd:autoscroll") === "0") autoscroll.checked = false;
  } catch (e) { /* defaults */ }
  audio.removeAttribute("controls");
  audio.hidden = true;
  audio.preload = "none";
  audio.removeAttribute("src"); // the no-script source renders the whole article: not needed
  $("[data-fallback]").hidden = true;
  $("[data-player-ui]").hidden = false;
  player.setRate(parseFloat(speedSelect.value) || 1);
  view.playing(false);
  const resumeAt = resume.recall();
  if (resumeAt !== null && lit.has(resumeAt) && resumeAt > 0) {
    lit.show(resumeAt);
    status.announce("Bạn đã nghe đến câu " + (resumeAt + 1) + ". Nhấn Phát để nghe tiếp.");
  }
}

const article = document.querySelector("[data-reader]");
const box = document.querySelector("[data-player]");
if (article && box) start(article, box);
