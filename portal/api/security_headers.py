"""The usual security headers on every answer: the public pages, the API and the errors.

- ``Content-Security-Policy``: pages load only the portal's own images and stylesheet, run no
  script at all (none is served, inline ones are refused) and cannot be framed; API answers and
  problem documents allow nothing. A route that sets its own policy (a blob's sandbox) keeps it.
- ``X-Content-Type-Options: nosniff``, ``X-Frame-Options: DENY``, ``Referrer-Policy``.
- ``Cache-Control: no-store`` on the API, whose answers hold unpublished text and tokens.
- ``Strict-Transport-Security`` only when the request came over HTTPS (directly, or through a
  trusted proxy: see :mod:`portal.api.forwarded`); sent over plain HTTP it would mean nothing.

FastAPI's interactive documentation (``/docs``, ``/redoc``) needs inline script and a CDN: it gets
the same headers without a CSP.
"""

from __future__ import annotations

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

PAGE_CSP = (
    "default-src 'self'; img-src 'self'; style-src 'self'; script-src 'none'; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
API_CSP = "default-src 'none'; frame-ancestors 'none'; sandbox"
HSTS = "max-age=31536000; includeSubDomains"
INTERACTIVE_DOCS = ("/docs", "/redoc")

COMMON = {
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "no-referrer",
    "cross-origin-opener-policy": "same-origin",
    "permissions-policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
}


class SecurityHeadersMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope["path"]
        api = path.startswith("/api/") or path == "/openapi.json"
        docs = path.startswith(INTERACTIVE_DOCS)
        https = scope.get("scheme") == "https"

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in COMMON.items():
                    headers.setdefault(name, value)
                if not docs:
                    headers.setdefault("content-security-policy", API_CSP if api else PAGE_CSP)
                if api:
                    headers["cache-control"] = "no-store"
                if https:
                    headers.setdefault("strict-transport-security", HSTS)
            await send(message)

        await self.app(scope, receive, with_headers)
