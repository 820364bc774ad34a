/* JSON over fetch with a timeout: every request the players make goes through here. */

export const FETCH_TIMEOUT_MS = 20000;
export const NETWORK_MESSAGE = "Không kết nối được máy chủ. Xin kiểm tra mạng rồi thử lại.";

// Resolves {status, ok, body, retryAfterS} for any HTTP answer (body {} when not JSON);
// rejects with an Error (Vietnamese message) when the network fails or the time runs out.
export function fetchJson(url, options) {
  const opts = options || {};
  const controller = window.AbortController ? new AbortController() : null;
  const timer = controller && setTimeout(() => controller.abort(), opts.timeoutMs || FETCH_TIMEOUT_MS);
  return fetch(url, {
    headers: { Accept: "application/json" },
    credentials: opts.credentials || "same-origin",
    signal: controller ? controller.signal : undefined
  }).then((response) => response.json().catch(() => ({})).then((body) => ({
    status: response.status,
    ok: response.ok,
    body: body || {},
    retryAfterS: parseInt(response.headers.get("Retry-After"), 10) || 0
  })), () => {
    throw new Error(opts.networkMessage || NETWORK_MESSAGE);
  }).finally(() => clearTimeout(timer));
}
