"""Reads every request body once, within a size limit, and refuses unreadable JSON early.

The limit is checked on ``Content-Length`` and again while a chunked body arrives, so a client
cannot stream past it. JSON bodies must be valid UTF-8 and valid JSON before any route runs.
"""

from __future__ import annotations

from typing import Any

import orjson
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from portal.board.problems import ProblemError

ITEM_LIMIT = 2 * 1024 * 1024
BLOB_LIMIT = 20 * 1024 * 1024
BLOB_PREFIX = "/api/v1/blobs/"
BODY_KEY = "portal.body"


def limit_for(path: str) -> int:
    return BLOB_LIMIT if path.startswith(BLOB_PREFIX) else ITEM_LIMIT


class BodyGuard:
    """ASGI middleware: body size limit, UTF-8 and JSON checks; the body is kept in the scope."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if "\x00" in scope["path"] or b"%00" in scope.get("query_string", b""):
            # No name holds a NUL, and PostgreSQL cannot even compare one: answer here.
            await _refuse(_nul_problem("url"), scope, receive, send)
            return
        if scope["method"] not in ("POST", "PUT", "PATCH"):
            await self.app(scope, receive, send)
            return
        path: str = scope["path"]
        limit = limit_for(path)
        too_large = ProblemError(413, "too_large", f"The body is over the limit of {limit} bytes.")
        headers = dict(scope["headers"])
        length = headers.get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > limit):
            await _refuse(too_large, scope, receive, send)
            return
        chunks: list[bytes] = []
        size = 0
        more = True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > limit:
                await _refuse(too_large, scope, receive, send)
                return
            chunks.append(chunk)
            more = message.get("more_body", False)
        body = b"".join(chunks)
        if body and not path.startswith(BLOB_PREFIX):
            problem = _json_problem(body)
            if problem is not None:
                await _refuse(problem, scope, receive, send)
                return
        scope[BODY_KEY] = body
        await self.app(scope, _replay(body, receive), send)


def _json_problem(body: bytes) -> ProblemError | None:
    try:
        body.decode("utf-8", errors="strict")
    except UnicodeDecodeError as error:
        return ProblemError(
            400, "invalid_utf8", f"The body is not valid UTF-8 (byte {error.start})."
        )
    try:
        document = orjson.loads(body)
    except orjson.JSONDecodeError as error:
        return ProblemError(400, "malformed_json", f"The body is not valid JSON: {error}.")
    where = _nul_in(document, "")
    return _nul_problem(where or "body") if where is not None else None


def _nul_in(value: Any, path: str) -> str | None:
    """Where a NUL character hides in a JSON document (a field path), or None.

    Text never needs one, and PostgreSQL cannot store one: refused up front for both databases.
    """
    if isinstance(value, str):
        return path if "\x00" in value else None
    if isinstance(value, dict):
        for key, inner in value.items():
            field = f"{path}.{key}" if path else str(key)
            if "\x00" in key:
                return field
            found = _nul_in(inner, field)
            if found is not None:
                return found
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            found = _nul_in(inner, f"{path}.{index}" if path else str(index))
            if found is not None:
                return found
    return None


def _nul_problem(field: str) -> ProblemError:
    return ProblemError(
        422,
        "invalid",
        f"{field}: must not contain the NUL character.",
        errors=[
            {
                "code": "nul_character",
                "field": field,
                "vi": f"“{field}” chứa ký tự NUL không hợp lệ.",
                "en": f"“{field}” contains the NUL character, which is not allowed.",
            }
        ],
    )


def _replay(body: bytes, receive: Receive) -> Receive:
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay


async def _refuse(problem: ProblemError, scope: Scope, receive: Receive, send: Send) -> None:
    response: Any = problem.response()
    response.headers["connection"] = "close"
    await response(scope, receive, send)
