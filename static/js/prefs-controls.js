/* The display controls in the page header: -A A +A (text size) and Chế độ ban đêm (night
   mode). Both are remembered in localStorage and applied by prefs.js before paint. */
(function () {
  "use strict";
  var root = document.documentElement;
  var group = document.querySelector("[data-prefs]");
  if (!group) return;
  // Percent of the default size for each step; index 1 is the default, 6 is 200%.
  var STEPS = [87.5, 100, 112.5, 125, 150, 175, 200];
  var DEFAULT_STEP = 1;
  var status = group.querySelector("[data-prefs-status]");
  var night = group.querySelector("[data-night]");

  function save(key, value) {
    try { localStorage.setItem(key, value); } catch (e) { /* private mode: not remembered */ }
  }

  function currentStep() {
    var value = parseInt(root.getAttribute("data-font"), 10);
    return isNaN(value) ? DEFAULT_STEP : value;
  }

  function say(text) {
    // Clear first so the same message twice is announced twice.
    status.textContent = "";
    window.setTimeout(function () { status.textContent = text; }, 50);
  }

  function setStep(step) {
    step = Math.max(0, Math.min(STEPS.length - 1, step));
    root.setAttribute("data-font", String(step));
    save("docnd:font", String(step));
    refresh();
    say("Cỡ chữ " + String(STEPS[step]).replace(".", ",") + "%");
    document.dispatchEvent(new CustomEvent("docnd:fontchange"));
  }

  function refresh() {
    var step = currentStep();
    group.querySelectorAll("[data-font-step]").forEach(function (button) {
      var delta = parseInt(button.getAttribute("data-font-step"), 10);
      var atLimit = (delta < 0 && step === 0) || (delta > 0 && step === STEPS.length - 1);
      // aria-disabled keeps the button focusable, so focus is never lost at the limit.
      button.setAttribute("aria-disabled", atLimit ? "true" : "false");
    });
    night.setAttribute("aria-pressed", root.getAttribute("data-theme") === "dark" ? "true" : "false");
  }

  group.addEventListener("click", function (event) {
    var button = event.target.closest("button");
    if (!button) return;
    if (button.hasAttribute("data-font-step")) {
      var delta = parseInt(button.getAttribute("data-font-step"), 10);
      if (button.getAttribute("aria-disabled") === "true") {
        say(delta < 0 ? "Đã ở cỡ chữ nhỏ nhất" : "Đã ở cỡ chữ lớn nhất");
        return;
      }
      setStep(delta === 0 ? DEFAULT_STEP : currentStep() + delta);
    } else if (button === night) {
      var dark = root.getAttribute("data-theme") !== "dark";
      root.setAttribute("data-theme", dark ? "dark" : "light");
      save("docnd:theme", dark ? "dark" : "light");
      refresh();
      say(dark ? "Đã bật chế độ ban đêm" : "Đã tắt chế độ ban đêm");
    }
  });

  group.hidden = false;
  refresh();
})();
