"""Who may use the editor tools: the API by Bearer token, the editor page by a session opened
with the same token; a CSRF token on every form. All comparisons are constant-time.

With EDITOR_TOKEN unset the editor tools are off: the editor page answers 404 with a
message that says how to turn them on (the API: 401 without a token, 404 with one).
"""
from __future__ import annotations

import hashlib
import hmac
import logging
import secrets

from flask import Request, current_app, request, session

from errors import ServiceError
from services.container import services_of
from web.limits import FailureBudget, client_key

log = logging.getLogger("docnd.editor")

CSRF_FIELD = "csrf_token"
CSRF_HEADER = "X-CSRF-Token"


class EditorDisabledError(ServiceError):
    status = 404
    code = "editor_disabled"
    message_vi = ("Chức năng biên tập chưa được bật. Quản trị viên cần đặt biến môi trường "
                  "DOCND_EDITOR_TOKEN.")
    message_en = "The editor tools are off. An administrator must set DOCND_EDITOR_TOKEN."


class UnauthorizedError(ServiceError):
    status = 401
    code = "unauthorized"
    message_vi = "Cần mã truy cập của biên tập viên (Authorization: Bearer …) để dùng chức năng này."
    message_en = "An editor token (Authorization: Bearer …) is required."


class WrongTokenError(ServiceError):
    status = 401
    code = "wrong_token"
    message_vi = "Mã truy cập không đúng. Xin vui lòng kiểm tra và nhập lại."
    message_en = "The editor token is not right. Please check it and try again."


class SignInLimitedError(ServiceError):
    status = 429
    code = "sign_in_limited"
    message_vi = ("Mã truy cập đã bị nhập sai quá nhiều lần. Xin vui lòng chờ ít phút rồi "
                  "thử lại, hoặc hỏi quản trị viên mã đúng.")
    message_en = ("The editor token was wrong too many times. Please wait a few minutes and "
                  "try again, or ask the administrator for the right token.")


class CsrfError(ServiceError):
    status = 400
    code = "csrf_failed"
    message_vi = ("Phiên làm việc đã hết hạn hoặc biểu mẫu không hợp lệ. Xin vui lòng tải lại "
                  "trang và thử lại.")
    message_en = "Your session expired or the form is not valid. Please reload the page and try again."


def editor_token() -> str:
    token = current_app.config.get("EDITOR_TOKEN") or ""
    if not token:
        raise EditorDisabledError()
    return token


def token_matches(given: str, token: str) -> bool:
    return hmac.compare_digest(given.encode("utf-8"), token.encode("utf-8"))


def _budget() -> FailureBudget | None:
    """Wrong tokens per client, counted by the app's limiter (shared through Redis)."""
    services = services_of(current_app)
    if services.limiter is None:
        return None
    budget = services.memo.get("signin_budget")
    if budget is None:
        budget = services.memo["signin_budget"] = FailureBudget(
            services.limiter, services.config["EDITOR_SIGNIN_LIMIT"], "editor-sign-in")
    return budget


def check_token(given: str, token: str, how: str) -> bool:
    """Compare, within the client's budget of failed attempts (429 past it, even with the
    right token: guessing must not go on). Every failure is counted and logged."""
    budget = _budget()
    wait_s = budget.wait_s() if budget else 0
    if wait_s:
        log.warning("editor sign-in refused (%s): too many failures from %s", how, client_key())
        raise SignInLimitedError(f"{client_key()} over the sign-in limit", retry_after_s=wait_s)
    if token_matches(given, token):
        return True
    if budget:
        budget.record_failure()
    log.warning("editor sign-in failed (%s) from %s", how, client_key())
    return False


def require_bearer(req: Request | None = None) -> None:
    """API calls: `Authorization: Bearer <EDITOR_TOKEN>`, or an open editor session.
    Without credentials the answer is 401 even while the editor tools are off (then a
    caller with a token learns they are off: 404)."""
    req = req or request
    header = req.headers.get("Authorization", "")
    scheme, _, given = header.partition(" ")
    if scheme.lower() == "bearer" and given.strip():
        if not check_token(given.strip(), editor_token(), "bearer"):
            raise WrongTokenError()
        return
    if header:
        raise UnauthorizedError()
    if is_signed_in():
        if req.method not in {"GET", "HEAD", "OPTIONS"}:
            require_csrf()  # a browser session: cross-site requests must not ride on it
        return
    raise UnauthorizedError()


def _token_fingerprint(token: str) -> str:
    """Kept in the session instead of the token: changing EDITOR_TOKEN signs everyone out."""
    key = current_app.config["SECRET_KEY"].encode("utf-8")
    return hmac.new(key, token.encode("utf-8"), hashlib.sha256).hexdigest()[:32]


def is_signed_in() -> bool:
    token = current_app.config.get("EDITOR_TOKEN") or ""
    fingerprint = session.get("editor")
    return bool(token and fingerprint and hmac.compare_digest(fingerprint, _token_fingerprint(token)))


def sign_in(given: str) -> bool:
    token = editor_token()
    if not check_token(given, token, "form"):
        return False
    session.clear()
    session["editor"] = _token_fingerprint(token)
    session["csrf"] = secrets.token_urlsafe(32)  # a new token after sign-in (no fixation)
    session.permanent = False
    return True


def sign_out() -> None:
    session.clear()


def csrf_token() -> str:
    if "csrf" not in session:
        session["csrf"] = secrets.token_urlsafe(32)
    return session["csrf"]


def require_csrf() -> None:
    expected = session.get("csrf")
    given = request.form.get(CSRF_FIELD) or request.headers.get(CSRF_HEADER) or ""
    if not expected or not given or not hmac.compare_digest(given, expected):
        raise CsrfError()
