/* The widget's own style sheet (inside its shadow root): readable type, 44 px targets, a
   visible focus ring; the host is reset so no page style reaches in. */

// heightPx: the height held from the first frame; inPlaceholder: the host page sized the
// space itself (then the page owns the margins).
export function widgetStyle(heightPx, inPlaceholder) {
  return ":host{all:initial!important;display:block!important;min-height:" + heightPx + "px!important;" +
    "margin:" + (inPlaceholder ? "0" : "12px 0") + "!important;contain:layout style!important;visibility:visible!important}" +
    "*{box-sizing:border-box;margin:0}" +
    ".w{font:16px/1.5 system-ui,'Segoe UI',Roboto,Arial,sans-serif;color:#1a1a1a;background:#fff;" +
    "border:1px solid #767676;border-radius:8px;padding:8px 12px;min-height:" + heightPx + "px;text-align:left}" +
    ".row{display:flex;flex-wrap:wrap;align-items:center;gap:8px;min-height:44px}" +
    ".row+.row{margin-top:6px}[hidden]{display:none!important}.off{visibility:hidden}" +
    "button,select,a.dl{font:inherit;font-size:16px;min-height:44px;min-width:44px;border-radius:6px;cursor:pointer;" +
    "border:2px solid #0b4f9c;background:#fff;color:#0b4f9c;padding:4px 12px;display:inline-flex;align-items:center;gap:6px;" +
    "text-decoration:none;line-height:1.2;-webkit-appearance:none;appearance:none}" +
    "select{padding-right:12px}" +
    "button.play{background:#0b4f9c;color:#fff;font-weight:700;min-width:176px}" +
    "button.play:hover{background:#083b75}button:hover,a.dl:hover{text-decoration:underline}" +
    "button[aria-pressed=true]{background:#1a1a1a;color:#fff;border-color:#1a1a1a}" +
    "button:disabled{opacity:.6;cursor:default}" +
    ":focus-visible{outline:3px solid #b35900!important;outline-offset:2px}" +
    "label{display:inline-flex;align-items:center;gap:6px;color:#1a1a1a}" +
    "input[type=range]{flex:1 1 160px;min-width:120px;height:24px;accent-color:#0b4f9c;cursor:pointer}" +
    ".time{font-variant-numeric:tabular-nums;min-width:13ch;color:#1a1a1a}" +
    "svg{width:18px;height:18px;fill:currentColor;flex:none}" +
    ".sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}" +
    ".status{min-height:24px;margin-top:6px;color:#1a1a1a}.msg{font-weight:700}";
}
