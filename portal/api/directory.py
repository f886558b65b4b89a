"""The directory of a site: categories, members, grants (and giving or revoking a grant)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Path
from sqlalchemy.engine import Connection

from desktop.models import Role, Step, may_grant
from portal import board
from portal.api.deps import Caller, CallerDep, EngineDep, NowDep
from portal.api.models import GrantBody
from portal.db import reading, writing
from portal.problems import ProblemError, invalid, not_found

router = APIRouter(prefix="/api/v1/sites/{site}", tags=["directory"])

SiteId = Annotated[str, Path(min_length=1, max_length=64)]


def _site_for(conn: Connection, caller: Caller, site: str) -> None:
    """Only people with a role on the site see its directory; others learn nothing."""
    if board.get_site(conn, site) is None or not caller.user.roles_on(site):
        raise not_found("site")


@router.get("/categories")
def categories(site: SiteId, caller: CallerDep, engine: EngineDep) -> dict[str, Any]:
    with reading(engine) as conn:
        _site_for(conn, caller, site)
        return {"categories": [c.to_dict() for c in board.list_categories(conn, site)]}


@router.get("/members")
def members(site: SiteId, caller: CallerDep, engine: EngineDep) -> dict[str, Any]:
    with reading(engine) as conn:
        _site_for(conn, caller, site)
        return {"members": board.members(conn, site)}


@router.get("/grants")
def grants(site: SiteId, caller: CallerDep, engine: EngineDep) -> dict[str, Any]:
    with reading(engine) as conn:
        _site_for(conn, caller, site)
        return {"grants": [board.grant_dict(g) for g in board.list_grants(conn, site=site)]}


def _when(value: str | None, field: str) -> datetime | None:
    if value is None or value == "":
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise invalid(field, "must be a date or date and time (ISO 8601)") from None
    if parsed.tzinfo is None:
        from datetime import UTC

        parsed = parsed.replace(tzinfo=UTC)
    return parsed


def _forbidden(vi: str, en: str) -> ProblemError:
    return ProblemError(
        403, "forbidden", en, errors=[{"code": "no_right", "field": "step", "vi": vi, "en": en}]
    )


@router.post("/grants", status_code=201)
def give_grant(
    site: SiteId, body: GrantBody, caller: CallerDep, engine: EngineDep, now: NowDep
) -> dict[str, Any]:
    try:
        step = Step(body.step)
    except ValueError:
        raise invalid("step", "must be edit or approve") from None
    valid_from = _when(body.valid_from, "valid_from") or now
    valid_until = _when(body.valid_until, "valid_until")
    with writing(engine) as conn:
        _site_for(conn, caller, site)
        if not may_grant(caller.user, site, step):
            raise _forbidden(
                "Chỉ Trưởng ban giao quyền duyệt; Phó Trưởng ban chỉ giao quyền biên tập.",
                "Only the head grants approval; a deputy grants editing only.",
            )
        grantee_roles = board.load_user(conn, body.grantee).roles_on(site)
        if not grantee_roles & {Role.HEAD, Role.DEPUTY, Role.MEMBER}:
            raise invalid("grantee", "is not on this site's editorial board")
        try:
            grant = board.add_grant(
                conn,
                site=site,
                grantee=body.grantee,
                step=step,
                granted_by=caller.username,
                valid_from=valid_from,
                valid_until=valid_until,
                categories=body.categories,
                decision_ref=body.decision_ref,
            )
        except board.BoardError as error:
            code = "unknown_category" if error.code == "unknown_category" else "invalid"
            raise ProblemError(422, code, str(error)) from None
    return board.grant_dict(grant)


@router.post("/grants/{grant_id}/revoke")
def revoke_grant(
    site: SiteId,
    grant_id: Annotated[str, Path(max_length=64)],
    caller: CallerDep,
    engine: EngineDep,
    now: NowDep,
) -> dict[str, Any]:
    with writing(engine) as conn:
        _site_for(conn, caller, site)
        grant = board.get_grant(conn, grant_id)
        if grant is None or grant.site != site:
            raise not_found("grant")
        if not (may_grant(caller.user, site, grant.step) or grant.granted_by == caller.username):
            raise _forbidden(
                "Bạn không có quyền thu hồi ủy quyền này.", "You may not revoke this grant."
            )
        return board.grant_dict(board.revoke_grant(conn, grant_id, now))
