"""``GET /api/v1/changes``: the sync feed.

A pull is one read transaction in one thread hop (issue 21): the caller's dependency
(:func:`_pull`) checks the token and, when the query is plainly valid, reads the page in the same
transaction. The caller is checked before the query, as every route does (an invalid token is
401 whatever the query); a query it does not take as plainly valid is left to FastAPI's
validation, and the page is then read by the route in a second hop.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import Annotated, Any

import anyio.to_thread
import orjson
from fastapi import APIRouter, Depends, Query, Request, Response
from sqlalchemy import Engine

from portal.api.deps import Caller, EngineDep, bearer_token, caller_in, unauthenticated
from portal.api.openapi import ChangesOut, answer
from portal.board import accounts
from portal.board.changes import changes_since, decode_cursor
from portal.board.problems import ProblemError
from portal.db import reading, writing

router = APIRouter(prefix="/api/v1", tags=["sync"])

MAX_SINCE = 200
DEFAULT_LIMIT, MAX_LIMIT = 100, 500
_LIMIT = re.compile(r"[0-9]{1,3}")


@dataclass(frozen=True, slots=True)
class Pull:
    """The caller, and the page read for ``asked`` (``since``, ``limit``) when it was."""

    caller: Caller
    asked: tuple[str | None, int] | None
    page: dict[str, Any] | None


def _asked(request: Request) -> tuple[str | None, int] | None:
    """``since`` and ``limit`` when plainly valid (each given at most once, within bounds)."""
    query = request.query_params
    since, limits = query.getlist("since"), query.getlist("limit")
    if len(since) > 1 or len(limits) > 1 or (since and len(since[0]) > MAX_SINCE):
        return None
    if not limits:
        return (since[0] if since else None, DEFAULT_LIMIT)
    if _LIMIT.fullmatch(limits[0]) is None or not 1 <= int(limits[0]) <= MAX_LIMIT:
        return None
    return (since[0] if since else None, int(limits[0]))


def _read(
    engine: Engine, token: str, now: datetime, path: str, asked: tuple[str | None, int] | None
) -> Pull:
    with reading(engine) as conn:
        found = caller_in(conn, token, now, path)
        if isinstance(found, ProblemError):
            raise found
        caller, bearer = found
        page = None
        if asked is not None:
            page = changes_since(conn, caller.user, decode_cursor(asked[0]), asked[1])
    if bearer.first_use:
        with writing(engine) as conn:
            accounts.mark_used(conn, bearer, now)
    return Pull(caller, asked, page)


async def _pull(request: Request) -> Pull:
    token = bearer_token(request)
    if token is None:
        raise unauthenticated()
    state = request.app.state
    return await anyio.to_thread.run_sync(
        _read, state.engine, token, state.clock(), request.url.path, _asked(request)
    )


def _page(engine: Engine, caller: Caller, since: str | None, limit: int) -> dict[str, Any]:
    position = decode_cursor(since)
    with reading(engine) as conn:
        return changes_since(conn, caller.user, position, limit)


@router.get("/changes", response_model=None, responses={200: answer(ChangesOut)})
async def changes(
    pull: Annotated[Pull, Depends(_pull)],
    engine: EngineDep,
    since: Annotated[str | None, Query(max_length=MAX_SINCE)] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = DEFAULT_LIMIT,
) -> Response:
    page = pull.page
    if page is None or pull.asked != (since, limit):
        page = await anyio.to_thread.run_sync(_page, engine, pull.caller, since, limit)
    return Response(orjson.dumps(page), media_type="application/json")
