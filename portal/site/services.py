"""The catalogue of online public services (BD-15.2, AG-14.1; the BD-27 annex, part III):
every published service of a ``public_services`` section, sorted by field, with its level
(1–4), its providing agency and its address; and how many there are of each level.

``/services`` serves the default site (every site when none is set), ``/sites/{site}/services``
one site; ``?lang=en`` (or another language the site publishes) for the fixed texts.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime

from fastapi import APIRouter, Request, Response
from fastapi.responses import HTMLResponse
from sqlalchemy.engine import Connection

from desktop.models import CategoryKind, Item, fold
from desktop.models.fields import SERVICE_PROVIDERS, display_value, fields_for
from desktop.models.render import safe_url
from portal import db
from portal.api.deps import EngineDep, now_of
from portal.board import directory as board
from portal.site import listing
from portal.site.caching import conditional
from portal.site.pages import _missing, _page, default_site, portal_name
from portal.site.texts import page_language

router = APIRouter(include_in_schema=False)

_SPECS = {spec.key: spec for spec in fields_for(CategoryKind.PUBLIC_SERVICES)}


@dataclass(frozen=True, slots=True)
class Service:
    item: Item
    name: str
    field: str
    level: str  # "1" … "4", or "" when the item does not say
    level_label: str
    provider: str
    provided_by: str
    url: str


def _service(item: Item, lang: str) -> Service:
    meta = item.metadata

    def shown(key: str) -> str:
        value = meta.get(key)
        return display_value(_SPECS[key], value, lang) if value not in (None, "") else ""

    level = str(meta.get("level") or "").strip()
    level = level if level in {"1", "2", "3", "4"} else ""
    return Service(
        item=item,
        name=str(meta.get("service_name") or item.title),
        field=str(meta.get("field") or "").strip(),
        level=level,
        level_label=shown("level") if level else "",
        provider=str(meta.get("provider") or item.unit),
        provided_by=shown("provided_by") if meta.get("provided_by") else "",
        url=safe_url(str(meta.get("service_url") or "")) or "",
    )


def catalogue(conn: Connection, now: datetime, site: str | None, lang: str) -> list[Service]:
    """The services public at ``now`` in the site's public-services sections, by field then
    name."""
    sites = [site] if site is not None else listing.sites_with_items(conn, now)
    sections = [
        (s, c.id)
        for s in sites
        for c in board.list_categories(conn, s)
        if c.kind is CategoryKind.PUBLIC_SERVICES
    ]
    services = [_service(i, lang) for i in listing.in_sections(conn, now, sections)]
    return sorted(services, key=lambda s: (fold(s.field).lower(), fold(s.name).lower()))


def _catalogue_page(
    conn: Connection, now: datetime, site: str | None, base: str, lang: str
) -> HTMLResponse:
    services = catalogue(conn, now, site, lang)
    fields: dict[str, list[Service]] = {}
    for service in services:
        fields.setdefault(service.field, []).append(service)
    levels = Counter(s.level for s in services if s.level)
    return _page(
        "services.html",
        lang=lang,
        fields=fields,
        total=len(services),
        levels=[(level, levels.get(level, 0)) for level in ("1", "2", "3", "4")],
        providers=SERVICE_PROVIDERS,
        base=base,
        portal_name=portal_name(conn, site),
    )


@router.get("/services")
def services(request: Request, engine: EngineDep) -> Response:
    lang = page_language(request.query_params.get("lang"))
    now = now_of(request)
    with db.reading(engine) as conn:
        site = default_site(request, conn)
        return conditional(request, conn, now, lambda: _catalogue_page(conn, now, site, "", lang))


@router.get("/sites/{site}/services")
def site_services(site: str, request: Request, engine: EngineDep) -> Response:
    lang = page_language(request.query_params.get("lang"))
    now = now_of(request)
    with db.reading(engine) as conn:
        if board.get_site(conn, site) is None:
            return _missing()
        return conditional(
            request, conn, now, lambda: _catalogue_page(conn, now, site, f"/sites/{site}", lang)
        )
