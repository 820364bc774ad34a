"""Security headers on every response.

The Content-Security-Policy allows no inline script anywhere: every script is a file served
by us. Pages may not be framed (frame-ancestors 'none'), except views that set their own
policy first (the embed iframe sets frame-ancestors to the allowlisted origins).
"""
from __future__ import annotations

from flask import Flask, Response, request
from flask.sessions import SecureCookieSessionInterface

CSP = "; ".join([
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "media-src 'self' blob:",
    "connect-src 'self'",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
])

PERMISSIONS_POLICY = ("camera=(), microphone=(), geolocation=(), payment=(), usb=(), "
                      "interest-cohort=()")


def add_security_headers(response: Response) -> Response:
    headers = response.headers
    headers.setdefault("Content-Security-Policy", CSP)
    headers.setdefault("X-Content-Type-Options", "nosniff")
    headers.setdefault("Referrer-Policy", "strict-origin-when-cross-origin")
    headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
    if "frame-ancestors 'none'" in headers.get("Content-Security-Policy", ""):
        headers.setdefault("X-Frame-Options", "DENY")
    return response


class HttpsAwareSessionInterface(SecureCookieSessionInterface):
    """Session cookies are Secure whenever the request came over HTTPS (also behind a
    proxy that says so), without a setting that breaks plain-HTTP laptops."""

    def get_cookie_secure(self, app: Flask) -> bool:
        return bool(app.config["SESSION_COOKIE_SECURE"] or request.is_secure)

    def open_session(self, app: Flask, request_):
        # Only editors have sessions: without the cookie there is nothing to verify, so skip
        # building a signing serializer on every audio request (a few % under load).
        if self.get_cookie_name(app) not in request_.cookies:
            return self.session_class()
        return super().open_session(app, request_)


def register_security(app: Flask) -> None:
    app.after_request(add_security_headers)
    app.session_interface = HttpsAwareSessionInterface()
    app.config["SESSION_COOKIE_HTTPONLY"] = True
    if app.config.get("SESSION_COOKIE_SAMESITE") is None:
        app.config["SESSION_COOKIE_SAMESITE"] = "Lax"
    app.config["SESSION_COOKIE_NAME"] = "docnd_session"
