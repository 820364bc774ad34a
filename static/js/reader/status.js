/* What the player says: a visible line, and a polite live region for screen readers.

   The live region says each change once and briefly. While the voice is reading it stays
   quiet (a screen reader would talk over the article) unless the reader just acted (pause,
   resume, speed: they expect an answer) or something went wrong. A progress message
   ("Đang tạo âm thanh…") is cleared as soon as the voice starts, so the region never keeps
   saying something that is no longer true. */

const PROGRESS = "Đang tạo";

export function createStatus(shown, live, isPlaying) {
  let pending = null;

  function speak(text) {
    // Emptied first, then filled: the same words twice are announced twice.
    if (pending) clearTimeout(pending);
    live.textContent = "";
    pending = setTimeout(() => { pending = null; live.textContent = text; }, 60);
  }

  // urgent: an error; asked: the answer to the reader's own action.
  function announce(text, how) {
    const opts = how || {};
    shown.textContent = text;
    shown.classList.toggle("is-error", !!opts.urgent);
    if (!text) return;
    if (opts.urgent || opts.asked || !isPlaying()) speak(text);
  }

  // The voice started: a progress message is no longer true, anywhere.
  function voiceStarted() {
    if (shown.textContent.indexOf(PROGRESS) === 0) {
      shown.textContent = "";
      shown.classList.remove("is-error");
    }
    if (live.textContent.indexOf(PROGRESS) === 0 || (pending && !shown.textContent)) {
      if (pending) clearTimeout(pending);
      pending = null;
      live.textContent = "";
    }
  }

  return { announce, voiceStarted };
}
