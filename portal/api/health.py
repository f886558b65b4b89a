"""``GET /healthz``: what the province's 24/7 monitoring asks the portal (BD-24, AG-21).

Answers 200 ``{"status": "ok", "database": true, "version": "…"}`` while the database answers a
query, and 503 ``{"status": "unavailable", "database": false, …}`` when it does not (the server
is gone, the file cannot be opened, the pool is exhausted). No login, no cookies, nothing cached:
a monitor polls it every minute from outside.
"""

from __future__ import annotations

import logging
from functools import cache
from importlib import metadata

import orjson
from fastapi import APIRouter, Response
from sqlalchemy import Engine, text
from starlette.concurrency import run_in_threadpool

from portal.api.deps import EngineDep

router = APIRouter(tags=["health"])
log = logging.getLogger(__name__)

#: The distribution the portal ships in (pyproject's ``name``).
DISTRIBUTION = "ban-bien-tap"


@cache
def portal_version() -> str:
    """The installed version of the portal's package ("unknown" when run from a bare tree)."""
    try:
        return metadata.version(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        return "unknown"


def database_reachable(engine: Engine) -> bool:
    """True when the database answers ``SELECT 1``; any failure to connect or query is False."""
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1")).scalar_one()
        return True
    except Exception as error:  # every failure means "not reachable"
        log.warning("health check: the database is not reachable: %s", type(error).__name__)
        return False


@router.get("/healthz")
async def healthz(engine: EngineDep) -> Response:
    reachable = await run_in_threadpool(database_reachable, engine)
    body = {
        "status": "ok" if reachable else "unavailable",
        "database": reachable,
        "version": portal_version(),
    }
    return Response(
        orjson.dumps(body),
        status_code=200 if reachable else 503,
        media_type="application/json",
        headers={"Cache-Control": "no-store"},
    )
