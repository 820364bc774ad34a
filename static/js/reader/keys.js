/* The player's keys, and "read from here" on the article's sentences.

   Single-key shortcuts work only while focus is inside the player (they never steal typing):
   K play/pause, J/L previous/next sentence, H/; previous/next paragraph, -/+ speed.
   Sentences are not Tab stops (an article of 53 sentences would be 53 stops): a click reads
   from that sentence, and J/L (or the Câu trước/Câu sau buttons) move to it while paused,
   then K or Phát reads from there. */

const SEEK_STEP_S = 5;
const SEEK_PAGE_S = 30;
const SHORTCUTS = {
  k: (p) => p.toggle(),
  j: (p) => p.moveSentence(-1),
  l: (p) => p.moveSentence(1),
  h: (p) => p.moveBlock(-1),
  ";": (p) => p.moveBlock(1),
  "-": (p, speed) => speed(-1),
  _: (p, speed) => speed(-1),
  "+": (p, speed) => speed(1),
  "=": (p, speed) => speed(1)
};

export function bindPlayerKeys(box, player, changeSpeed) {
  box.addEventListener("keydown", (event) => {
    if (event.ctrlKey || event.altKey || event.metaKey) return;
    const tag = event.target.tagName;
    if (tag === "INPUT" || tag === "SELECT" || tag === "TEXTAREA") return;
    const action = SHORTCUTS[event.key.length === 1 ? event.key.toLowerCase() : ""];
    if (!action) return;
    event.preventDefault();
    action(player, changeSpeed);
  });
}

// The slider: arrows move 5 s, Page keys 30 s, Home/End the ends.
export function bindSeekKeys(seek, player, onSeekKey) {
  seek.addEventListener("keydown", (event) => {
    const now = player.positionMs() / 1000;
    const steps = {
      ArrowLeft: now - SEEK_STEP_S, ArrowDown: now - SEEK_STEP_S,
      ArrowRight: now + SEEK_STEP_S, ArrowUp: now + SEEK_STEP_S,
      PageDown: now - SEEK_PAGE_S, PageUp: now + SEEK_PAGE_S,
      Home: 0, End: player.totalMs() / 1000 - 1
    };
    if (!(event.key in steps) || !player.state.record) return;
    event.preventDefault();
    onSeekKey();
    player.seekToSeconds(steps[event.key]);
  });
}

export function bindSentenceClicks(article, lit, player) {
  article.addEventListener("click", (event) => {
    const sentence = lit.sentenceOf(event.target);
    if (sentence === null || (window.getSelection && String(window.getSelection()).length > 0)) return;
    player.playSentence(sentence);
  });
}
