/* Resume per article: the sentence last heard, in localStorage, offered on the next visit. */

const SAVE_EVERY_MS = 2000;

export function createResume(articleUrl) {
  const key = "docnd:resume:" + articleUrl;
  let savedAt = 0;
  return {
    // now: save at once (pause, jump); otherwise at most every two seconds while playing.
    remember(sentence, now) {
      const t = Date.now();
      if (sentence === null || (!now && t - savedAt < SAVE_EVERY_MS)) return;
      savedAt = t;
      try { localStorage.setItem(key, JSON.stringify({ sentence: sentence, at: t })); }
      catch (e) { /* not remembered: no harm */ }
    },
    recall() {
      try {
        const saved = JSON.parse(localStorage.getItem(key) || "null");
        return saved && typeof saved.sentence === "number" ? saved.sentence : null;
      } catch (e) { return null; }
    },
    forget() {
      try { localStorage.removeItem(key); } catch (e) { /* nothing to forget */ }
    }
  };
}
