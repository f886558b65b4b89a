"""Sessions the administrators can see and revoke (a lost laptop, someone who left).

Administration is per site, like every role: a caller with the ``admin`` role on a site manages
the sessions of the people who have a role on that site (and their own). An administrator of
one member site cannot end the sessions of another site's people; there is no portal-wide
administrator in the API (the command line, run on the server, can do everything).
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query
from sqlalchemy import select
from sqlalchemy.engine import Connection

from desktop.models import Role
from portal import db
from portal.api.deps import AddressDep, Caller, CallerDep, EngineDep, NowDep
from portal.board import accounts, audit
from portal.board.problems import ProblemError, not_found
from portal.db import reading, writing

router = APIRouter(prefix="/api/v1/admin", tags=["administration"])


def _administered(conn: Connection, caller: Caller) -> set[str]:
    """The people whose sessions ``caller`` manages; 403 for someone who administers nothing."""
    sites = [site for site, roles in caller.user.roles.items() if Role.ADMIN in roles]
    if not sites:
        raise ProblemError(
            403,
            "forbidden",
            "Only an administrator manages sessions.",
            errors=[
                {
                    "code": "no_right",
                    "field": "role",
                    "vi": "Chỉ quản trị viên được quản lý phiên đăng nhập.",
                    "en": "Only an administrator manages sessions.",
                }
            ],
        )
    people = conn.execute(
        select(db.memberships.c.username).where(db.memberships.c.site.in_(sites))
    ).scalars()
    return {*people, caller.username}


@router.get("/sessions")
def sessions(
    caller: CallerDep,
    engine: EngineDep,
    now: NowDep,
    user: Annotated[str | None, Query(max_length=64)] = None,
) -> dict[str, Any]:
    """Sessions not yet expired, of one person (``?user=``) or of everyone administered."""
    with reading(engine) as conn:
        people = _administered(conn, caller)
        if user is not None:
            people = people & {user}
        return {"sessions": accounts.list_sessions(conn, now, sorted(people))}


@router.post("/sessions/{family}/revoke")
def revoke(
    family: Annotated[str, Path(max_length=64)],
    caller: CallerDep,
    engine: EngineDep,
    now: NowDep,
    address: AddressDep,
) -> dict[str, Any]:
    """End one session: its refresh token and every access token it gave stop working now."""
    with writing(engine) as conn:
        owner = accounts.family_owner(conn, family)
        if owner is None or owner not in _administered(conn, caller):
            raise not_found("session")
        accounts.revoke_family(conn, family)
        audit.record(
            conn,
            "sessions_revoked",
            actor=caller.username,
            at=now,
            address=address,
            subject=owner,
            detail={"family": family},
        )
        found = [s for s in accounts.list_sessions(conn, now, [owner]) if s["family"] == family]
    return found[0] if found else {"family": family, "username": owner, "revoked": True}
