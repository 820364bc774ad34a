/* Before the first paint: theme and text size the reader chose (or the system's dark mode on a
   first visit). Tiny and blocking on purpose, so night-mode readers never see a white flash. */
(function () {
  var root = document.documentElement;
  root.classList.add("js");
  var theme = null, font = null;
  try {
    theme = localStorage.getItem("docnd:theme");
    font = localStorage.getItem("docnd:font");
  } catch (e) { /* storage blocked: defaults */ }
  if (theme !== "dark" && theme !== "light") {
    theme = window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
  }
  root.setAttribute("data-theme", theme);
  if (font !== null && /^[0-6]$/.test(font)) root.setAttribute("data-font", font);
})();
