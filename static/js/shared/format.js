/* Times and speeds as the players show and say them: one copy for the reader page, the home
   page and the embed widget (web/scripts.py writes this module into embed.js). */

export const SPEEDS = [0.75, 1, 1.25, 1.5, 1.75, 2];
const SPEED_KEY = "docnd:speed";

function hms(seconds) {
  return [Math.floor(seconds / 3600), Math.floor((seconds % 3600) / 60), seconds % 60];
}

// "4:05", "1:02:03": hours only when there are any.
export function clock(seconds) {
  const [h, m, s] = hms(Math.max(0, Math.floor(seconds || 0)));
  const ss = (s < 10 ? "0" : "") + s;
  if (h) return h + ":" + (m < 10 ? "0" : "") + m + ":" + ss;
  return m + ":" + ss;
}

// "1 phút 20 giây", for aria-valuetext: a screen reader reads "1:20" badly.
export function spokenTime(seconds) {
  const [h, m, s] = hms(Math.max(0, Math.round(seconds || 0)));
  const parts = [];
  if (h) parts.push(h + " giờ");
  if (m) parts.push(m + " phút");
  if (s || !parts.length) parts.push(s + " giây");
  return parts.join(" ");
}

export function speedLabel(rate) {
  return String(rate).replace(".", ",") + "×";
}

export function speedWords(rate) {
  return String(rate).replace(".", ",") + " lần";
}

// The speed the reader chose last time (any player), or null.
export function savedSpeed() {
  try {
    const rate = parseFloat(localStorage.getItem(SPEED_KEY));
    return SPEEDS.indexOf(rate) >= 0 ? rate : null;
  } catch (e) {
    return null;
  }
}

export function saveSpeed(rate) {
  try { localStorage.setItem(SPEED_KEY, String(rate)); } catch (e) { /* not kept: no harm */ }
}

// Rate on an <audio>, pitch kept (a faster voice, not a higher one). load() resets
// playbackRate to defaultPlaybackRate: set both.
export function applyRate(audio, rate) {
  audio.defaultPlaybackRate = rate;
  audio.playbackRate = rate;
  if ("preservesPitch" in audio) audio.preservesPitch = true;
  else if ("webkitPreservesPitch" in audio) audio.webkitPreservesPitch = true;
}
