// Size the reader's iframe from its messages: {type: "docnd:resize", height: <px>}.
// Only messages from the reader's origin and from that frame are trusted.
(function () {
  var frames = document.querySelectorAll("iframe.docnd-frame");
  window.addEventListener("message", function (event) {
    var data = event.data;
    if (!data || data.type !== "docnd:resize" || typeof data.height !== "number") return;
    frames.forEach(function (frame) {
      if (frame.contentWindow === event.source && event.origin === frame.dataset.readerOrigin) {
        frame.style.height = Math.max(60, Math.min(600, Math.ceil(data.height))) + "px";
      }
    });
  });
})();
