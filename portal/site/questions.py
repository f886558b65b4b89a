"""The citizens' public pages (issue 18): ``/hoi-dap`` (the question form, the answered
questions), ``/hoi-dap/tra-cuu?ma=CODE`` (following a question by its code) and the comment form
of a consultation (``POST /items/{slug}/gop-y``). The same under ``/sites/{site}/``.

A refused form comes back with what the person typed and the reasons (nothing is lost); text is
shown as text (autoescaped, line breaks kept by CSS), never read as Markdown or HTML.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any
from urllib.parse import parse_qs

from fastapi import APIRouter, Request, Response
from fastapi.responses import HTMLResponse
from sqlalchemy import select
from sqlalchemy.engine import Connection
from starlette.concurrency import run_in_threadpool

from portal import db
from portal.api.deps import EngineDep, NowDep, address_of
from portal.api.public_comments import comment as add_public_comment
from portal.api.questions import ask
from portal.board import defences
from portal.board import directory as board
from portal.board import questions as board_questions
from portal.board.problems import ProblemError
from portal.site.pages import _item_page, _missing, _page, default_site, portal_name, vn_date

router = APIRouter(include_in_schema=False)

STATE_NAMES = {
    "received": "Đã tiếp nhận",
    "assigned": "Đang xử lý",
    "answered": "Đã trả lời",
    "redirected": "Đã chuyển cơ quan có thẩm quyền",
    "declined": "Không tiếp nhận",
}
_FIELDS = ("name", "email", "phone", "title", "body", "website", "form_token")


async def form_values(request: Request) -> dict[str, str]:
    """The urlencoded form's fields (the first of each), as text."""
    raw = (await request.body()).decode("utf-8", errors="replace")
    try:
        parsed = parse_qs(raw, keep_blank_values=True, max_num_fields=20)
    except ValueError:  # more fields than any form of ours has: nothing usable
        return {}
    return {k: v[0] for k, v in parsed.items() if k in _FIELDS and v}


def reasons(error: ProblemError) -> list[str]:
    found = [str(e.get("vi") or e.get("en") or "") for e in error.errors]
    return [r for r in found if r] or [error.detail]


def _site_for(request: Request, conn: Connection, site: str | None) -> str | None:
    if site is not None:
        return site if board.get_site(conn, site) is not None else None
    chosen = default_site(request, conn)
    if chosen is None:
        sites = board.list_sites(conn)
        chosen = sites[0]["id"] if len(sites) == 1 else None
    return chosen


def _form_page(
    engine: Any,
    site: str,
    base: str,
    now: datetime,
    errors: list[str] | None = None,
    values: dict[str, str] | None = None,
    status: int = 200,
) -> HTMLResponse:
    token = defences.form_token(engine, now)
    with db.reading(engine) as conn:
        return _page(
            "hoi_dap.html",
            status=status,
            base=base,
            portal_name=portal_name(conn, site),
            answered=board_questions.answered_publicly(conn, site),
            vn_date=vn_date,
            form_token=token,
            errors=errors or [],
            values=values or {},
        )


def _show(request: Request, engine: Any, now: datetime, site: str | None) -> HTMLResponse:
    with db.reading(engine) as conn:
        chosen = _site_for(request, conn, site)
    if chosen is None:
        return _missing()
    return _form_page(engine, chosen, f"/sites/{chosen}" if site else "", now)


async def _send(request: Request, engine: Any, now: datetime, site: str | None) -> HTMLResponse:
    with db.reading(engine) as conn:
        chosen = _site_for(request, conn, site)
    if chosen is None:
        return _missing()
    base = f"/sites/{chosen}" if site else ""
    values = await form_values(request)
    values.setdefault("form_token", "")  # the form always has one: a post without is a robot's
    try:
        created = await run_in_threadpool(
            ask, engine, chosen, dict(values), address_of(request), now
        )
    except ProblemError as error:
        kept = {k: v for k, v in values.items() if k not in ("website", "form_token")}
        return _form_page(engine, chosen, base, now, reasons(error), kept, error.status)
    with db.reading(engine) as conn:
        return _page(
            "hoi_dap_sent.html",
            status=201,
            base=base,
            portal_name=portal_name(conn, chosen),
            created=created,
            due=datetime.fromisoformat(created["due_date"]).strftime("%d/%m/%Y"),
        )


@router.get("/hoi-dap")
def questions_page(request: Request, engine: EngineDep, now: NowDep) -> HTMLResponse:
    return _show(request, engine, now, None)


@router.get("/sites/{site}/hoi-dap")
def site_questions_page(
    site: str, request: Request, engine: EngineDep, now: NowDep
) -> HTMLResponse:
    return _show(request, engine, now, site)


@router.post("/hoi-dap")
async def send_question(request: Request, engine: EngineDep, now: NowDep) -> HTMLResponse:
    return await _send(request, engine, now, None)


@router.post("/sites/{site}/hoi-dap")
async def site_send_question(
    site: str, request: Request, engine: EngineDep, now: NowDep
) -> HTMLResponse:
    return await _send(request, engine, now, site)


def _track(request: Request, engine: Any, site: str | None, ma: str) -> HTMLResponse:
    code = ma.strip().upper()[:16]
    with db.reading(engine) as conn:
        chosen = _site_for(request, conn, site)
        found = None
        if code:
            try:
                found = board_questions.tracking(conn, code)
            except ProblemError:
                found = None
        return _page(
            "hoi_dap_track.html",
            status=200 if found or not code else 404,
            base=f"/sites/{chosen}" if site else "",
            portal_name=portal_name(conn, chosen),
            code=code,
            found=found,
            state_name=STATE_NAMES.get(found["state"], "") if found else "",
            due=datetime.fromisoformat(found["due_date"]).strftime("%d/%m/%Y") if found else "",
        )


@router.get("/hoi-dap/tra-cuu")
def track_page(request: Request, engine: EngineDep, ma: str = "") -> HTMLResponse:
    return _track(request, engine, None, ma)


@router.get("/sites/{site}/hoi-dap/tra-cuu")
def site_track_page(site: str, request: Request, engine: EngineDep, ma: str = "") -> HTMLResponse:
    return _track(request, engine, site, ma)


async def _comment(
    request: Request, engine: Any, now: datetime, slug: str, site: str | None
) -> Response:
    base = f"/sites/{site}" if site else ""
    with db.reading(engine) as conn:
        found = conn.execute(
            select(db.items.c.id, db.items.c.site).where(db.items.c.slug == slug)
        ).first()
    if found is None or (site is not None and found.site != site):
        return _missing(base)
    values = await form_values(request)
    values.setdefault("form_token", "")
    try:
        await run_in_threadpool(
            add_public_comment, engine, found.id, dict(values), address_of(request), now
        )
    except ProblemError as error:
        kept = {k: v for k, v in values.items() if k not in ("website", "form_token")}
        with db.reading(engine) as conn:
            form = {"errors": reasons(error), "values": kept}
            return _item_page(conn, slug, site, base, now, form=form, status=error.status)
    with db.reading(engine) as conn:
        return _page(
            "gop_y_sent.html",
            status=201,
            base=base,
            portal_name=portal_name(conn, found.site),
            back=f"{base}/items/{slug}",
        )


@router.post("/items/{slug}/gop-y")
async def send_comment(slug: str, request: Request, engine: EngineDep, now: NowDep) -> Response:
    return await _comment(request, engine, now, slug, None)


@router.post("/sites/{site}/items/{slug}/gop-y")
async def site_send_comment(
    site: str, slug: str, request: Request, engine: EngineDep, now: NowDep
) -> Response:
    return await _comment(request, engine, now, slug, site)
