"""``/api/v1/sites/{site}/calendar``: the site's calendar notices (BD-13, AG-12).

Everyone on the site reads them (clients compute due dates offline); the site's head and its
administrators add, replace and remove them. Changes are audited.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Response
from pydantic import BaseModel, Field
from sqlalchemy.engine import Connection

from desktop.models import Role
from desktop.models.item import ModelError
from desktop.models.workdays import CalendarNotice
from portal.api.deps import AddressDep, Caller, CallerDep, EngineDep, NowDep
from portal.board import audit
from portal.board import calendar as site_calendar
from portal.board import directory as board
from portal.board.problems import ProblemError, invalid, not_found
from portal.db import reading, writing

router = APIRouter(prefix="/api/v1/sites/{site}", tags=["calendar"])

SiteId = Annotated[str, Path(min_length=1, max_length=64)]
MAINTAINERS = frozenset({Role.HEAD, Role.ADMIN})


class NoticeBody(BaseModel):
    date: str = Field(max_length=10)
    kind: str = Field(max_length=16)
    note: str = Field(default="", max_length=500)


def _site_for(conn: Connection, caller: Caller, site: str) -> None:
    if board.get_site(conn, site) is None or not caller.user.roles_on(site):
        raise not_found("site")


def _may_change(conn: Connection, caller: Caller, site: str) -> None:
    _site_for(conn, caller, site)
    if not caller.user.roles_on(site) & MAINTAINERS:
        vi = "Chỉ Trưởng Ban hoặc quản trị viên được sửa lịch làm việc."
        en = "Only the head or an administrator may change the calendar."
        raise ProblemError(
            403, "forbidden", en, errors=[{"code": "no_right", "field": "site", "vi": vi, "en": en}]
        )


def _day(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise invalid("date", "must be a date (YYYY-MM-DD)") from None


@router.get("/calendar")
def list_calendar(site: SiteId, caller: CallerDep, engine: EngineDep) -> dict[str, Any]:
    with reading(engine) as conn:
        _site_for(conn, caller, site)
        return {"calendar": site_calendar.list_notices(conn, site)}


@router.post("/calendar", status_code=201)
def add_notice(
    site: SiteId,
    body: NoticeBody,
    caller: CallerDep,
    engine: EngineDep,
    now: NowDep,
    address: AddressDep,
) -> dict[str, Any]:
    try:
        notice = CalendarNotice.from_dict(body.model_dump())
    except ModelError as error:
        raise invalid(error.field, error.message) from None
    with writing(engine) as conn:
        _may_change(conn, caller, site)
        saved = site_calendar.set_notice(conn, site, notice, caller.username, now)
        audit.record(
            conn,
            "calendar",
            actor=caller.username,
            at=now,
            address=address,
            site=site,
            action="set",
            detail=notice.to_dict(),
        )
        return saved


def _remove(site: str, day: date, caller: Caller, engine: Any, now: Any, address: str) -> None:
    with writing(engine) as conn:
        _may_change(conn, caller, site)
        if not site_calendar.remove_notice(conn, site, day):
            raise not_found("notice")
        audit.record(
            conn,
            "calendar",
            actor=caller.username,
            at=now,
            address=address,
            site=site,
            action="remove",
            detail={"date": day.isoformat()},
        )


@router.delete("/calendar", status_code=204, response_class=Response)
def remove_notice(
    site: SiteId,
    caller: CallerDep,
    engine: EngineDep,
    now: NowDep,
    address: AddressDep,
    day: Annotated[str, Query(alias="date", max_length=10)],
) -> Response:
    _remove(site, _day(day), caller, engine, now, address)
    return Response(status_code=204)


@router.delete("/calendar/{day}", status_code=204, response_class=Response)
def remove_notice_on(
    site: SiteId,
    day: Annotated[str, Path(max_length=10)],
    caller: CallerDep,
    engine: EngineDep,
    now: NowDep,
    address: AddressDep,
) -> Response:
    _remove(site, _day(day), caller, engine, now, address)
    return Response(status_code=204)
