/* The article's sentences: each a span numbered like the narration (data-sentence) inside a
   block (data-block). The one being heard is highlighted on its own span, so the highlight
   stays right under user text-spacing and size overrides. */

const num = (span, name) => parseInt(span.getAttribute(name), 10);

export function createHighlighter(article, shouldScroll) {
  const spans = Array.prototype.slice.call(article.querySelectorAll(".s[data-sentence]"));
  const bySentence = {};
  spans.forEach((span) => { bySentence[span.getAttribute("data-sentence")] = span; });
  let current = null;

  function scrollTo(span) {
    const rect = span.getBoundingClientRect();
    const height = window.innerHeight || document.documentElement.clientHeight;
    // Only when the sentence leaves the comfortable middle of the screen: no constant jumping.
    if (rect.top < height * 0.15 || rect.bottom > height * 0.85) {
      const smooth = !window.matchMedia("(prefers-reduced-motion: reduce)").matches;
      span.scrollIntoView({ block: "center", behavior: smooth ? "smooth" : "auto" });
    }
  }

  function show(sentence) {
    if (current === sentence) return;
    const old = current !== null ? bySentence[current] : null;
    if (old) old.classList.remove("is-speaking");
    current = sentence;
    const span = sentence !== null ? bySentence[sentence] : null;
    if (!span) return;
    span.classList.add("is-speaking");
    if (shouldScroll()) scrollTo(span);
  }

  // The first sentence of the paragraph `delta` blocks away (or of this one, going back from
  // its middle); {edge: "first"|"last"} past the ends.
  function blockTarget(delta) {
    const from = current !== null ? current : 0;
    const block = bySentence[from] ? num(bySentence[from], "data-block") : 0;
    const firsts = [];   // [block, first sentence], in reading order
    spans.forEach((span) => {
      const b = num(span, "data-block");
      if (!firsts.some((f) => f[0] === b)) firsts.push([b, num(span, "data-sentence")]);
    });
    firsts.sort((a, b) => a[0] - b[0]);
    const at = firsts.findIndex((f) => f[0] === block);
    if (delta < 0 && at >= 0 && from > firsts[at][1]) return { sentence: firsts[at][1] };
    const wanted = firsts[at + delta];
    if (!wanted) return { edge: delta > 0 ? "last" : "first" };
    return { sentence: wanted[1] };
  }

  return {
    spans,
    show,
    blockTarget,
    current: () => current,
    has: (sentence) => !!bySentence[sentence],
    count: () => spans.length,
    text: (sentence) => (bySentence[sentence] ? bySentence[sentence].textContent : ""),
    scrollToCurrent() { if (current !== null && bySentence[current]) scrollTo(bySentence[current]); },
    sentenceOf: (node) => {
      const span = node && node.closest ? node.closest(".s[data-sentence]") : null;
      return span ? num(span, "data-sentence") : null;
    }
  };
}
