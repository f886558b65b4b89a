"""The last net: an error nobody foresaw still answers as a problem document, and is logged.

Starlette's own last resort (``ServerErrorMiddleware``) sits outside every middleware of ours, so
its ``Internal Server Error`` is plain text and misses the security headers. This middleware sits
just inside :mod:`portal.api.security_headers`: whatever escapes the routes, the body guard or the
idempotency layer becomes ``500 internal_error`` in ``application/problem+json``, with the usual
headers, and the traceback goes to the ``portal.errors`` log under an id that the answer repeats
(``error_id``), so an administrator can find it from what the user saw. No request body, header
or token is logged.
"""

from __future__ import annotations

import logging
import uuid

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from portal.board.problems import ProblemError

log = logging.getLogger("portal.errors")


def internal_error(error_id: str) -> ProblemError:
    vi = f"Cổng thông tin gặp lỗi ngoài dự kiến (mã {error_id}). Vui lòng thử lại sau."
    en = f"The portal met an unexpected error (id {error_id}). Please try again later."
    return ProblemError(
        500,
        "internal_error",
        f"The portal met an unexpected error (id {error_id}); it has been logged.",
        errors=[{"code": "internal_error", "field": "", "vi": vi, "en": en}],
    )


class UnexpectedErrors:
    """ASGI middleware: any exception before the answer started becomes a logged 500 problem."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def tracking(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive, tracking)
        except Exception:
            error_id = uuid.uuid4().hex[:12]
            log.exception(
                "unexpected error %s on %s %s", error_id, scope.get("method"), scope.get("path")
            )
            if started:  # part of an answer is on the wire already: only the connection can end
                raise
            response = internal_error(error_id).response()
            response.headers["connection"] = "close"
            await response(scope, receive, send)
