"""``GET /api/v1/changes``: the sync feed."""

from __future__ import annotations

from typing import Annotated

import orjson
from fastapi import APIRouter, Query, Response

from portal.api.deps import CallerDep, EngineDep
from portal.api.openapi import ChangesOut, answer
from portal.board.changes import changes_since, decode_cursor
from portal.db import reading

router = APIRouter(prefix="/api/v1", tags=["sync"])


@router.get("/changes", response_model=None, responses={200: answer(ChangesOut)})
def changes(
    caller: CallerDep,
    engine: EngineDep,
    since: Annotated[str | None, Query(max_length=200)] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
) -> Response:
    position = decode_cursor(since)
    with reading(engine) as conn:
        page = changes_since(conn, caller.user, position, limit)
    return Response(orjson.dumps(page), media_type="application/json")
