/* The narration client: asks GET /api/v1/narration?url= and keeps asking while the service
   renders, until the record is ready or failed. The reader page, the home page's playlist and
   the embed widget all follow a narration through here. */
import { fetchJson, NETWORK_MESSAGE } from "./net.js";

const DELAYS_MS = [800, 1200, 2000, 3000]; // when the answer carries no poll_after_ms
const LIMIT_MS = 20 * 60000;                // a long article renders in minutes; then we stop
const MAX_FAILURES = 5;                     // network blips in a row while rendering
const MAX_BUSY = 5;                         // 503/429 answers in a row
const BUSY_WAIT_S = 5;
const MESSAGES = {
  network: NETWORK_MESSAGE,
  slow: "Âm thanh chưa tạo xong sau thời gian dài. Xin thử lại sau.",
  failed: "Không tạo được âm thanh cho bài này. Xin thử lại sau."
};

function failure(message, status) {
  const error = new Error(message);
  error.status = status || 0;
  return error;
}

// Calls onRecord(record) for every answer (records are final once "ready" or "failed") and
// onError(error) once if it gives up. Options: timeoutMs, credentials, onBusy(), messages
// ({network, slow, failed}, Vietnamese). Returns stop().
export function watchNarration(url, onRecord, onError, options) {
  const opts = options || {};
  const say = Object.assign({}, MESSAGES, opts.messages || {});
  const endAt = Date.now() + LIMIT_MS;
  let polls = 0, failures = 0, busy = 0, timer = null, stopped = false;

  function later(delayMs) {
    if (stopped) return;
    if (Date.now() > endAt) { give(failure(say.slow)); return; }
    timer = setTimeout(ask, delayMs);
  }
  function give(error) {
    if (stopped) return;
    stopped = true;
    onError(error);
  }
  function ask() {
    timer = null;
    fetchJson(url, { timeoutMs: opts.timeoutMs, credentials: opts.credentials,
                     networkMessage: say.network }).then((answer) => {
      if (stopped) return;
      if (answer.status === 503 || answer.status === 429) {
        // Busy: the service asks us to come back shortly. Do so a few times.
        if (++busy > MAX_BUSY) { give(failure(answer.body.message || say.failed, answer.status)); return; }
        if (opts.onBusy) opts.onBusy();
        later(Math.min(answer.retryAfterS || BUSY_WAIT_S, 30) * 1000);
        return;
      }
      const record = answer.body;
      if (!answer.ok || !record.status) {
        give(failure(record.message || say.failed, answer.status));
        return;
      }
      busy = 0;
      failures = 0;
      const final = record.status === "ready" || record.status === "failed";
      if (final) stopped = true;
      onRecord(record);
      if (!final) later(record.poll_after_ms || DELAYS_MS[Math.min(polls++, DELAYS_MS.length - 1)]);
    }, (error) => {
      // One failed request is not the end while rendering: ask again, a few times.
      if (++failures < MAX_FAILURES) later(DELAYS_MS[0]); else give(error);
    });
  }

  ask();
  return function stop() {
    stopped = true;
    if (timer) clearTimeout(timer);
    timer = null;
  };
}

// The whole-article MP3 address once the narration is ready.
export function readyAudioUrl(url, options) {
  return new Promise((resolve, reject) => {
    watchNarration(url, (record) => {
      if (record.status === "ready" && record.audio_url) resolve(record.audio_url);
      else if (record.status === "failed" || record.status === "ready") {
        reject(failure(record.message || MESSAGES.failed));
      }
    }, reject, options);
  });
}
