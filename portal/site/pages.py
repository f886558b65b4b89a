"""The public site: published items only, rendered by the one safe Markdown renderer.

Nothing unpublished is served here: every query filters on ``state = 'published'`` and on the
item's public window at the app clock's second (``publish_at <= now < expire_at``, issue 20: a
scheduled item is absent until its time, an expired one is gone before the scheduler takes it
down), and a taken-down item's address answers 410 Gone at once.

Several sites share one portal: ``/sites/{site}/`` (its home, ``items/{slug}``, ``feed.atom``)
serves one site; ``/``, ``/items/{slug}`` and ``/feed.atom`` serve the default site (the
``default_site`` setting), or every site when none is set.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from importlib import resources
from typing import Any
from urllib.parse import urlencode
from xml.etree import ElementTree as ET

import orjson
from fastapi import APIRouter, Request, Response
from fastapi.responses import HTMLResponse, RedirectResponse
from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup
from sqlalchemy import and_, or_, select
from sqlalchemy.engine import Connection
from sqlalchemy.sql.elements import ColumnElement

from desktop.models import CategoryKind, Item, State
from desktop.models.fields import fact_rows
from desktop.models.fields import fields_for as fact_fields
from desktop.models.render import render_markdown, safe_url
from desktop.models.text import clean_text
from portal import db
from portal.api.blobs import blob_response
from portal.api.deps import EngineDep, NowDep, now_of
from portal.api.security_headers import PAGE_CSP
from portal.board import directory as board
from portal.site.citizens_parts import citizens_parts
from portal.site.files import shown_name
from portal.site.legal_filter import LegalFilter, by_issue_date, choices
from portal.site.search import page_number, page_of, search_published
from portal.site.texts import page_language, texts

router = APIRouter(include_in_schema=False)

VIETNAM = timezone(timedelta(hours=7))
_env = Environment(loader=PackageLoader("portal.site", "templates"), autoescape=select_autoescape())
#: The page's own headers; the rest (frame, sniffing, HSTS) come from portal.api.security_headers.
PAGE_HEADERS = {"Content-Security-Policy": PAGE_CSP}


def published_items(conn: Connection, now: datetime, site: str | None = None) -> list[Item]:
    """Items public at ``now``, newest first: of one site, or of every site when ``site`` is
    None."""
    query = select(db.items.c.data).where(public_now(now))
    if site is not None:
        query = query.where(db.items.c.site == site)
    found = [Item.from_dict(orjson.loads(row.data)) for row in conn.execute(query)]
    return sorted(found, key=published_at, reverse=True)


def public_now(now: datetime) -> ColumnElement[bool]:
    """The SQL condition of an item on the public pages at ``now`` (to the second)."""
    at = now.astimezone(UTC)
    return and_(
        db.items.c.state == State.PUBLISHED.value,
        or_(db.items.c.publish_at.is_(None), db.items.c.publish_at <= at),
        or_(db.items.c.expire_at.is_(None), db.items.c.expire_at > at),
    )


def published_at(item: Item) -> datetime:
    """The date readers see: the scheduled time when there was one, else the approval's."""
    if item.publish_at is not None:
        return item.publish_at
    step = item.steps.get("approve")
    return step.at if step else (item.state_since or datetime(1970, 1, 1, tzinfo=UTC))


def vn_date(moment: datetime) -> str:
    """dd/mm/yyyy in Vietnam's time zone, as Vietnamese readers write dates."""
    return moment.astimezone(VIETNAM).strftime("%d/%m/%Y")


def _page(template: str, status: int = 200, lang: str = "vi", **context: Any) -> HTMLResponse:
    """A page in ``lang``: its ``<html lang>``, menus and fixed texts (portal.site.texts)."""
    lang_query = f"?{urlencode({'lang': lang})}" if lang != "vi" else ""
    context = {"t": texts(lang), "lang": lang, "lang_query": lang_query, **context}
    html = _env.get_template(template).render(**context)
    return HTMLResponse(html, status_code=status, headers=PAGE_HEADERS)


def default_site(request: Request, conn: Connection) -> str | None:
    """The site that ``/`` serves: the app's setting, else the portal's, else none (every site)."""
    configured = getattr(request.app.state, "default_site", None)
    return configured or board.get_setting(conn, "default_site")


def portal_name(conn: Connection, site: str | None) -> str:
    """The header's name: the site's own, or the portal's when the page spans every site."""
    name = (board.get_site(conn, site) or {}).get("name") if site else None
    return str(name or "Cổng thông tin điện tử")


def _missing(base: str = "", gone: bool = False, lang: str = "vi") -> HTMLResponse:
    return _page("missing.html", status=410 if gone else 404, lang=lang, gone=gone, base=base)


def _home(
    conn: Connection, now: datetime, site: str | None, base: str, lang: str = "vi"
) -> HTMLResponse:
    items = published_items(conn, now, site)
    sections = []
    for site_id in sorted({item.site for item in items}):
        site_info = board.get_site(conn, site_id) or {"name": site_id}
        cats = board.list_categories(conn, site_id)
        names = {c.id: c.name for c in cats}
        order = [c.id for c in cats]
        in_site = [i for i in items if i.site == site_id]
        for cat in order + sorted({i.category for i in in_site} - set(order)):
            listed = [i for i in in_site if i.category == cat]
            if listed:
                sections.append(
                    {"site": site_info["name"], "name": names.get(cat, cat), "items": listed}
                )
    return _page(
        "index.html",
        lang=lang,
        sections=sections,
        vn_date=vn_date,
        published_at=published_at,
        base=base,
        portal_name=portal_name(conn, site),
    )


@router.get("/")
def home(request: Request, engine: EngineDep) -> HTMLResponse:
    lang = page_language(request.query_params.get("lang"))
    with db.reading(engine) as conn:
        return _home(conn, now_of(request), default_site(request, conn), "", lang)


@router.get("/search")
def search(request: Request, engine: EngineDep) -> HTMLResponse:
    with db.reading(engine) as conn:
        return _search(conn, now_of(request), default_site(request, conn), "", request)


@router.get("/sites/{site}/search")
def site_search(site: str, request: Request, engine: EngineDep) -> HTMLResponse:
    with db.reading(engine) as conn:
        if board.get_site(conn, site) is None:
            return _missing()
        return _search(conn, now_of(request), site, f"/sites/{site}", request)


def _legal_sections(conn: Connection, items: list[Item]) -> set[tuple[str, str]]:
    """(site, category) of every legal-document section the items' sites have."""
    return {
        (site, category.id)
        for site in {item.site for item in items}
        for category in board.list_categories(conn, site)
        if category.kind is CategoryKind.LEGAL
    }


def _search(
    conn: Connection, now: datetime, site: str | None, base: str, request: Request
) -> HTMLResponse:
    """The search box's page (BD-14.1.a): published items only, found with or without accents,
    every match over as many pages as it takes; legal documents filtered by type, issuer,
    field and issue date (BD-11.6, portal.site.legal_filter)."""
    params = request.query_params
    lang = page_language(params.get("lang"))
    query = (params.get("q") or "")[:200]
    items = published_items(conn, now, site)
    legal_sections = _legal_sections(conn, items)
    legal = [i for i in items if (i.site, i.category) in legal_sections]
    filters = LegalFilter.from_params(params)
    searched = bool(query.strip()) or filters.active
    if filters.active:
        candidates = filters.apply(items, legal_sections)
        found = search_published(candidates, query) if query.strip() else by_issue_date(candidates)
    else:
        found = search_published(items, query) if query.strip() else []
    page = page_of(found, page_number(params.get("page")))

    def url(number: int) -> str:
        kept = {k: v for k, v in params.items() if k != "page" and v}
        return f"{base}/search?{urlencode({**kept, 'page': number})}"

    return _page(
        "search.html",
        lang=lang,
        query=query,
        searched=searched,
        page=page,
        prev_url=url(page.number - 1) if page.has_previous else "",
        next_url=url(page.number + 1) if page.has_next else "",
        filters=filters,
        legal_choices=choices(legal, lang) if legal else None,
        vn_date=vn_date,
        published_at=published_at,
        base=base,
        portal_name=portal_name(conn, site),
    )


@router.get("/sites/{site}/")
def site_home(site: str, request: Request, engine: EngineDep) -> HTMLResponse:
    lang = page_language(request.query_params.get("lang"))
    with db.reading(engine) as conn:
        if board.get_site(conn, site) is None:
            return _missing()
        return _home(conn, now_of(request), site, f"/sites/{site}", lang)


@router.get("/items/{slug}")
def item_page(slug: str, request: Request, engine: EngineDep, now: NowDep) -> Response:
    """The default site's items (every site's when none is set); others move to their site."""
    with db.reading(engine) as conn:
        default = default_site(request, conn)
        site = _site_of(conn, slug)
        if default is not None and site is not None and site != default:
            return RedirectResponse(f"/sites/{site}/items/{slug}", status_code=308)
        return _item_page(conn, slug, None, "", now)


@router.get("/sites/{site}/items/{slug}")
def site_item_page(site: str, slug: str, engine: EngineDep, now: NowDep) -> Response:
    with db.reading(engine) as conn:
        return _item_page(conn, slug, site, f"/sites/{site}", now)


def _site_of(conn: Connection, slug: str) -> str | None:
    return conn.execute(select(db.items.c.site).where(db.items.c.slug == slug)).scalar()


def _item_page(
    conn: Connection,
    slug: str,
    site: str | None,
    base: str,
    now: datetime,
    form: dict[str, Any] | None = None,
    status: int = 200,
) -> HTMLResponse:
    row = conn.execute(select(db.items.c.data).where(db.items.c.slug == slug)).first()
    item = Item.from_dict(orjson.loads(row.data)) if row is not None else None
    if item is None or (site is not None and item.site != site):
        return _missing(base)
    if item.state is not State.PUBLISHED:
        return _missing(base, gone=item.state is State.TAKEN_DOWN)
    if not item.public_at(now):  # scheduled: not yet there; expired: gone
        return _missing(base, gone=item.expire_at is not None and now >= item.expire_at)
    categories = {c.id: c for c in board.list_categories(conn, item.site)}
    lang = page_language(item.language)  # the page speaks the item's language (AG-9.3)
    kind = categories[item.category].kind if item.category in categories else "free"
    attachments, names = _files(conn, item, kind, lang)
    return _page(
        "item.html",
        lang=lang,
        status=status,
        item=item,
        category=categories[item.category].name if item.category in categories else item.category,
        body=Markup(render_markdown(item.body)),
        source_url=safe_url(item.source.url),  # checked now, whatever was stored
        date=vn_date(published_at(item)),
        facts=fact_rows(kind, item.metadata, lang, names),
        attachments=attachments,
        base=base,
        **_content_rules(conn, item, categories, now),  # issue 6: consultation, translations
        **citizens_parts(conn, item, base, now, form),  # issue 18: comment form, question
    )


def _files(
    conn: Connection, item: Item, kind: CategoryKind | str, lang: str
) -> tuple[list[dict[str, Any]], dict[str, str]]:
    """The item's attachments as links (name, type, size) and the names of its files by sha256:
    the name each was uploaded with, else "Tệp đính kèm 1.pdf" (stored before names were kept).
    """
    declared = [s.key for s in fact_fields(kind) if s.type == "file"]
    in_fields = [str(item.metadata.get(key) or "").strip().lower() for key in declared]
    wanted = [*item.attachments, *(sha for sha in in_fields if sha)]
    rows = {
        row.sha256: row
        for row in conn.execute(
            select(
                db.blobs.c.sha256, db.blobs.c.content_type, db.blobs.c.size, db.blobs.c.name
            ).where(db.blobs.c.sha256.in_(wanted))
        )
    }
    names: dict[str, str] = {}
    for position, sha in enumerate(dict.fromkeys(wanted), start=1):
        row = rows.get(sha)
        if row is not None:
            names[sha] = shown_name(row.name, row.content_type, position, lang)
    attachments = [
        {
            "sha": sha,
            "name": names.get(sha) or shown_name(None, "", position, lang),
            "type": rows[sha].content_type if sha in rows else "",
            "kb": max(1, round(rows[sha].size / 1024)) if sha in rows else 0,
        }
        for position, sha in enumerate(item.attachments, start=1)
    ]
    return attachments, names


def _content_rules(
    conn: Connection, item: Item, categories: dict[str, Any], now: datetime
) -> dict[str, Any]:
    """A consultation's comment deadline (closed after it) and the published translations."""
    from datetime import date

    from desktop.models import CategoryKind
    from desktop.models.fields import parse_vn_date

    comment_until, comments_closed = "", False
    category = categories.get(item.category)
    if category is not None and category.kind is CategoryKind.CONSULTATION:
        try:
            deadline = parse_vn_date(item.metadata.get("comment_deadline") or "")
            comment_until = deadline.strftime("%d/%m/%Y")
            today = now.astimezone(VIETNAM).date() if now else date.today()
            comments_closed = today > deadline
        except ValueError:
            pass
    root = item.translation_of or item.id
    translations = [
        other
        for other in published_items(conn, now, item.site)
        if other.id != item.id and (other.id == root or other.translation_of == root)
    ]
    return {
        "comment_until": comment_until,
        "comments_closed": comments_closed,
        "translations": translations,
    }


ATOM = "http://www.w3.org/2005/Atom"


@router.get("/feed.atom")
def feed(request: Request, engine: EngineDep) -> Response:
    with db.reading(engine) as conn:
        site = default_site(request, conn)
        items = published_items(conn, now_of(request), site)[:50]
    base = str(request.base_url).rstrip("/")
    return _atom(items, base, base)


@router.get("/sites/{site}/feed.atom")
def site_feed(site: str, request: Request, engine: EngineDep) -> Response:
    with db.reading(engine) as conn:
        if board.get_site(conn, site) is None:
            return _missing()
        items = published_items(conn, now_of(request), site)[:50]
    root = str(request.base_url).rstrip("/")
    return _atom(items, f"{root}/sites/{site}", root)


def _atom(items: list[Item], base: str, root: str) -> Response:
    """An Atom feed of ``items``; ``base`` is the site's address, ``root`` the portal's."""
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed", {"xml:lang": "vi"})
    ET.SubElement(feed, f"{{{ATOM}}}title").text = "Tin đã đăng"
    ET.SubElement(feed, f"{{{ATOM}}}id").text = f"{base}/feed.atom"
    ET.SubElement(feed, f"{{{ATOM}}}link", {"rel": "self", "href": f"{base}/feed.atom"})
    ET.SubElement(feed, f"{{{ATOM}}}link", {"rel": "alternate", "href": f"{base}/"})
    updated = max(
        (i.updated_at or published_at(i) for i in items), default=datetime(2026, 1, 1, tzinfo=UTC)
    )
    ET.SubElement(feed, f"{{{ATOM}}}updated").text = updated.isoformat()
    for item in items:
        # each entry in its own language (AG-9.3): an English translation is not Vietnamese
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry", {"xml:lang": page_language(item.language)})
        # clean_text: an item stored before input was cleaned may hold what XML cannot
        ET.SubElement(entry, f"{{{ATOM}}}title").text = clean_text(item.title)
        ET.SubElement(entry, f"{{{ATOM}}}id").text = f"urn:uuid:{item.id}"
        ET.SubElement(
            entry, f"{{{ATOM}}}link", {"rel": "alternate", "href": f"{base}/items/{item.slug}"}
        )
        ET.SubElement(entry, f"{{{ATOM}}}published").text = published_at(item).isoformat()
        ET.SubElement(entry, f"{{{ATOM}}}updated").text = (
            item.updated_at or published_at(item)
        ).isoformat()
        author = ET.SubElement(entry, f"{{{ATOM}}}author")
        ET.SubElement(author, f"{{{ATOM}}}name").text = clean_text(item.author or item.created_by)
        ET.SubElement(entry, f"{{{ATOM}}}summary").text = clean_text(item.summary)
        content = ET.SubElement(entry, f"{{{ATOM}}}content", {"type": "html"})
        content.text = clean_text(render_markdown(item.body))
    xml = ET.tostring(feed, encoding="utf-8", xml_declaration=True)
    return Response(xml, media_type="application/atom+xml; charset=utf-8")


@router.get("/media/{sha256}")
def media(sha256: str, request: Request, engine: EngineDep) -> Response:
    sha = sha256.lower()
    with db.reading(engine) as conn:
        attached = any(
            sha in item.attachments
            or f"/media/{sha}" in item.body
            or sha in (str(value).strip().lower() for value in item.metadata.values())
            for item in published_items(conn, now_of(request))
        )
        row = (
            conn.execute(select(db.blobs).where(db.blobs.c.sha256 == sha)).first()
            if attached
            else None
        )
    if row is None:
        return _page("missing.html", status=404, gone=False)
    return blob_response(row, public=True)


@router.get("/static/style.css")
def stylesheet() -> Response:
    css = resources.files("portal.site").joinpath("static/style.css").read_text(encoding="utf-8")
    return Response(css, media_type="text/css", headers={"Cache-Control": "public, max-age=3600"})
