"""Reads every request body once, within a size limit, and refuses unreadable JSON early.

The limit is checked on ``Content-Length`` and again while a chunked body arrives, so a client
cannot stream past it. JSON bodies must be valid UTF-8 and valid JSON before any route runs, and
hold nothing the storage cannot keep (:func:`json_value_problem`: NUL, deep nesting, numbers
beyond 64 bits).
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
#: The public site's forms (``/hoi-dap``, a consultation's comments) post urlencoded text;
#: the API only ever takes JSON.
FORM_TYPE = b"application/x-www-form-urlencoded"
API = "/api/"
#: How deep any JSON body may nest (orjson, which stores items, stops at 254).
MAX_DEPTH = 64
#: Numbers a JSON body may hold: what a signed 64-bit column and orjson can both keep.
INT_MIN, INT_MAX = -(2**63), 2**63 - 1


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
        form = headers.get(b"content-type", b"").startswith(FORM_TYPE)  # public forms (issue 18)
        if body and not path.startswith(BLOB_PREFIX) and not (form and not path.startswith(API)):
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
    return json_value_problem(document)


def json_value_problem(document: Any) -> ProblemError | None:
    """What no JSON body may hold, whatever its route: a NUL character, nesting deeper than
    :data:`MAX_DEPTH`, or a number outside the signed 64-bit range. None when it is fine.

    Each of these used to reach the storage and fail there (PostgreSQL refuses NUL, orjson
    refuses integers beyond 64 bits and nesting beyond 254 levels): refused here, before any
    route runs. orjson turns integers beyond 64 bits into floats, so a float that large is
    refused too. The walk is iterative, so a document nested 1,000 deep cannot exhaust the
    stack.
    """
    stack: list[tuple[Any, str, int]] = [(document, "", 0)]
    while stack:
        value, path, depth = stack.pop()
        if isinstance(value, str):
            if "\x00" in value:
                return _nul_problem(path or "body")
        elif isinstance(value, bool) or value is None:
            continue
        elif isinstance(value, int | float):
            # a float here may be an integer literal orjson could not keep as one: -2^63 - 1
            # arrives as -2^63.0, so floats must stay strictly inside the range
            inside = INT_MIN <= value <= INT_MAX if isinstance(value, int) else abs(value) < 2**63
            if not inside:
                return _value_problem(
                    path or "body",
                    "number_out_of_range",
                    "một số vượt quá giới hạn cho phép (64 bit)",
                    "holds a number outside the signed 64-bit range",
                )
        elif isinstance(value, dict | list):
            if depth >= MAX_DEPTH:
                return _value_problem(
                    path or "body",
                    "too_deep",
                    f"lồng nhau quá {MAX_DEPTH} tầng",
                    f"is nested more than {MAX_DEPTH} levels deep",
                )
            pairs = value.items() if isinstance(value, dict) else enumerate(value)
            for key, inner in pairs:
                field = f"{path}.{key}" if path else str(key)
                if isinstance(key, str) and "\x00" in key:
                    return _nul_problem(field)
                stack.append((inner, field, depth + 1))
    return None


def _value_problem(field: str, code: str, vi: str, en: str) -> ProblemError:
    return ProblemError(
        422,
        "invalid",
        f"{field}: {en}.",
        errors=[
            {
                "code": code,
                "field": field,
                "vi": f"“{field}” {vi}.",
                "en": f"“{field}” {en}.",
            }
        ],
    )


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
