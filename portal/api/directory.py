"""The directory of a site: categories, members, grants (giving or revoking one), the audit log.

Grants given and revoked are audited, and so are refusals (a member trying to give a grant).
The audit log of a site is for its head and its administrators only.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query
from sqlalchemy.engine import Connection

from desktop.models import Role, Step, may_grant
from desktop.models.decisions import missing_decision
from portal.api.deps import AddressDep, Caller, CallerDep, EngineDep, NowDep
from portal.api.models import GrantBody
from portal.board import audit
from portal.board import directory as board
from portal.board.problems import ProblemError, invalid, not_found
from portal.db import reading, writing

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
        from portal.board.templates import list_templates  # issue 20: each section's template

        found = list_templates(conn, site)
        return {
            "categories": [
                {**c.to_dict(), **({"template": found[c.id]} if c.id in found else {})}
                for c in board.list_categories(conn, site)
            ]
        }


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
        if parsed.tzinfo is None:
            parsed = parsed.replace(tzinfo=UTC)
        return parsed.astimezone(UTC)  # 0001-01-01T00:00-01:00 has no UTC: OverflowError
    except (ValueError, OverflowError):
        raise invalid(field, "must be a date or date and time (ISO 8601)") from None


def _forbidden(vi: str, en: str) -> ProblemError:
    return ProblemError(
        403, "forbidden", en, errors=[{"code": "no_right", "field": "step", "vi": vi, "en": en}]
    )


def _refusal(
    engine: Any, caller: Caller, site: str, address: str, now: datetime, event: str, **kw: Any
) -> None:
    audit.record_apart(
        engine,
        event,
        actor=caller.username,
        at=now,
        address=address,
        outcome="refused",
        site=site,
        **kw,
    )


@router.post("/grants", status_code=201)
def give_grant(
    site: SiteId,
    body: GrantBody,
    caller: CallerDep,
    engine: EngineDep,
    now: NowDep,
    address: AddressDep,
) -> dict[str, Any]:
    try:
        step = Step(body.step)
    except ValueError:
        raise invalid("step", "must be edit or approve") from None
    valid_from = _when(body.valid_from, "valid_from") or now
    valid_until = _when(body.valid_until, "valid_until")
    try:
        return _give_grant(site, body, step, valid_from, valid_until, caller, engine, now, address)
    except ProblemError as error:
        if error.status == 403:
            _refusal(
                engine,
                caller,
                site,
                address,
                now,
                "grant",
                subject=body.grantee[:64],
                action=step.value,
            )
        raise


def _give_grant(
    site: str,
    body: GrantBody,
    step: Step,
    valid_from: datetime,
    valid_until: datetime | None,
    caller: Caller,
    engine: Any,
    now: datetime,
    address: str,
) -> dict[str, Any]:
    missing = missing_decision(body.decision_ref)
    if missing is not None:
        raise ProblemError(422, missing.code, missing.en, errors=[missing])
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
        given = board.grant_dict(grant)
        audit.record(
            conn,
            "grant",
            actor=caller.username,
            at=now,
            address=address,
            site=site,
            subject=grant.grantee,
            action=step.value,
            detail=_grant_detail(given),
        )
    return given


def _grant_detail(grant: dict[str, Any]) -> dict[str, Any]:
    keys = ("id", "categories", "valid_from", "valid_until", "decision_ref")
    return {key: grant[key] for key in keys}


@router.post("/grants/{grant_id}/revoke")
def revoke_grant(
    site: SiteId,
    grant_id: Annotated[str, Path(max_length=64)],
    caller: CallerDep,
    engine: EngineDep,
    now: NowDep,
    address: AddressDep,
) -> dict[str, Any]:
    refused: ProblemError | None = None
    with writing(engine) as conn:
        _site_for(conn, caller, site)
        grant = board.get_grant(conn, grant_id)
        if grant is None or grant.site != site:
            raise not_found("grant")
        if may_grant(caller.user, site, grant.step) or grant.granted_by == caller.username:
            revoked = board.grant_dict(board.revoke_grant(conn, grant_id, now))
            audit.record(
                conn,
                "grant_revoke",
                actor=caller.username,
                at=now,
                address=address,
                site=site,
                subject=grant.grantee,
                action=grant.step.value,
                detail={"id": grant_id},
            )
            return revoked
        refused = _forbidden(
            "Bạn không có quyền thu hồi ủy quyền này.", "You may not revoke this grant."
        )
        audit.record(
            conn,
            "grant_revoke",
            actor=caller.username,
            at=now,
            address=address,
            site=site,
            subject=grant.grantee,
            action=grant.step.value,
            outcome="refused",
            detail={"id": grant_id},
        )
    raise refused


@router.get("/audit")
def audit_log(
    site: SiteId,
    caller: CallerDep,
    engine: EngineDep,
    since: Annotated[str | None, Query(max_length=64)] = None,
    limit: Annotated[int, Query(ge=1, le=audit.MAX_LIMIT)] = 100,
) -> dict[str, Any]:
    """The site's audit log, oldest first after ``since`` (an event id, or an ISO date/time).

    For the site's head and administrators; others on the board get 403, the rest 404.
    """
    since_id, since_time = 0, None
    if since:
        if since.isascii() and since.isdigit():  # "²".isdigit() is True, but int("²") fails
            since_id = int(since)
            if since_id > audit.MAX_ID:
                raise invalid("since", "is not an event id of this log")
        else:
            since_time = _when(since, "since")
    with reading(engine) as conn:
        _site_for(conn, caller, site)
        if not caller.user.roles_on(site) & {Role.HEAD, Role.ADMIN}:
            raise ProblemError(
                403,
                "forbidden",
                "Only the head and the administrators read the audit log.",
                errors=[
                    {
                        "code": "no_right",
                        "field": "site",
                        "vi": "Chỉ Trưởng ban và quản trị viên được xem nhật ký.",
                        "en": "Only the head and the administrators read the audit log.",
                    }
                ],
            )
        events = audit.list_events(
            conn, site=site, since=since_id, since_time=since_time, limit=limit + 1
        )
    more = len(events) > limit
    events = events[:limit]
    cursor = str(events[-1]["id"]) if events else str(since_id) if since_id else since or "0"
    return {"events": events, "cursor": cursor, "has_more": more}
