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
from sqlalchemy import func, select
from sqlalchemy.engine import Connection

from desktop.models import CategoryKind, Item, State
from desktop.models.fields import fact_rows
from desktop.models.fields import fields_for as fact_fields
from desktop.models.render import safe_url
from desktop.models.text import clean_text
from portal import db
from portal.api.blobs import blob_response
from portal.api.deps import EngineDep, NowDep, now_of
from portal.api.security_headers import PAGE_CSP
from portal.board import directory as board
from portal.board.public_columns import published_at
from portal.site import indexed_search, listing
from portal.site.caching import conditional, item_page_part
from portal.site.citizens_parts import citizens_parts
from portal.site.files import shown_name
from portal.site.legal_filter import LegalFilter, by_issue_date, choices
from portal.site.listing import Entry, public_now
from portal.site.search import page_number, page_of
from portal.site.texts import page_language, texts

router = APIRouter(include_in_schema=False)

VIETNAM = timezone(timedelta(hours=7))
_env = Environment(loader=PackageLoader("portal.site", "templates"), autoescape=select_autoescape())
#: The page's own headers; the rest (frame, sniffing, HSTS) come from portal.api.security_headers.
PAGE_HEADERS = {"Content-Security-Policy": PAGE_CSP}


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
    sections = []
    for site_id in [site] if site is not None else listing.sites_with_items(conn, now):
        site_info = board.get_site(conn, site_id) or {"name": site_id}
        cats = board.list_categories(conn, site_id)
        names = {c.id: c.name for c in cats}
        order = [c.id for c in cats]
        present = listing.sections_with_items(conn, now, site_id)
        for cat in [c for c in order if c in present] + sorted(set(present) - set(order)):
            listed = listing.newest_in_section(conn, now, site_id, cat, listing.HOME_PER_SECTION)
            if listed:
                sections.append(
                    {"site": site_info["name"], "name": names.get(cat, cat), "items": listed}
                )
    return _page(
        "index.html",
        lang=lang,
        sections=sections,
        vn_date=vn_date,
        published_at=shown_date,
        base=base,
        portal_name=portal_name(conn, site),
    )


@router.get("/")
def home(request: Request, engine: EngineDep) -> Response:
    lang = page_language(request.query_params.get("lang"))
    now = now_of(request)
    with db.reading(engine) as conn:
        return conditional(
            request, conn, now, lambda: _home(conn, now, default_site(request, conn), "", lang)
        )


@router.get("/search")
def search(request: Request, engine: EngineDep) -> Response:
    now = now_of(request)
    with db.reading(engine) as conn:
        return conditional(
            request,
            conn,
            now,
            lambda: _search(conn, now, default_site(request, conn), "", request),
        )


@router.get("/sites/{site}/search")
def site_search(site: str, request: Request, engine: EngineDep) -> Response:
    now = now_of(request)
    with db.reading(engine) as conn:
        if board.get_site(conn, site) is None:
            return _missing()
        return conditional(
            request, conn, now, lambda: _search(conn, now, site, f"/sites/{site}", request)
        )


def _legal_sections(conn: Connection, sites: list[str]) -> set[tuple[str, str]]:
    """(site, category) of every legal-document section of the sites."""
    return {
        (site, category.id)
        for site in sites
        for category in board.list_categories(conn, site)
        if category.kind is CategoryKind.LEGAL
    }


def _search(
    conn: Connection, now: datetime, site: str | None, base: str, request: Request
) -> HTMLResponse:
    """The search box's page (BD-14.1.a): published items only, found with or without accents
    through the index (portal.site.indexed_search), every match over as many pages as it
    takes; legal documents filtered by type, issuer, field and issue date (BD-11.6,
    portal.site.legal_filter)."""
    params = request.query_params
    lang = page_language(params.get("lang"))
    query = (params.get("q") or "")[:200]
    number = page_number(params.get("page"))
    sites = [site] if site is not None else listing.sites_with_items(conn, now)
    legal_sections = _legal_sections(conn, sites)
    legal = sorted(
        listing.in_sections(conn, now, sorted(legal_sections)), key=published_at, reverse=True
    )
    filters = LegalFilter.from_params(params)
    searched = bool(query.strip()) or filters.active
    if filters.active:
        candidates = filters.apply(legal, legal_sections)
        if query.strip():
            rank = {
                item_id: n
                for n, item_id in enumerate(indexed_search.ranked_ids(conn, now, site, query))
            }
            found = sorted((i for i in candidates if i.id in rank), key=lambda i: rank[i.id])
        else:
            found = by_issue_date(candidates)
        page = page_of(found, number)
    elif query.strip():
        page = indexed_search.search_page(conn, now, site, query, number)
    else:
        page = page_of([], number)

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
        published_at=shown_date,
        base=base,
        portal_name=portal_name(conn, site),
    )


@router.get("/sites/{site}/")
def site_home(site: str, request: Request, engine: EngineDep) -> Response:
    lang = page_language(request.query_params.get("lang"))
    now = now_of(request)
    with db.reading(engine) as conn:
        if board.get_site(conn, site) is None:
            return _missing()
        return conditional(
            request, conn, now, lambda: _home(conn, now, site, f"/sites/{site}", lang)
        )


@router.get("/items/{slug}")
def item_page(slug: str, request: Request, engine: EngineDep, now: NowDep) -> Response:
    """The default site's items (every site's when none is set); others move to their site."""
    with db.reading(engine) as conn:
        default = default_site(request, conn)
        site = _site_of(conn, slug)
        if default is not None and site is not None and site != default:
            return RedirectResponse(f"/sites/{site}/items/{slug}", status_code=308)
        own = item_page_part(conn, slug, now)
        return conditional(request, conn, now, lambda: _item_page(conn, slug, None, "", now), own)


@router.get("/sites/{site}/items/{slug}")
def site_item_page(
    site: str, slug: str, request: Request, engine: EngineDep, now: NowDep
) -> Response:
    with db.reading(engine) as conn:
        own = item_page_part(conn, slug, now)
        return conditional(
            request, conn, now, lambda: _item_page(conn, slug, site, f"/sites/{site}", now), own
        )


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
    row = conn.execute(
        select(db.items.c.data, db.items.c.body_html).where(db.items.c.slug == slug)
    ).first()
    item = Item.from_dict(orjson.loads(row.data)) if row is not None else None
    if row is None or item is None or (site is not None and item.site != site):
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
        body=Markup(row.body_html or listing.rendered(item.id, item.version, item.body)),
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
    return {
        "comment_until": comment_until,
        "comments_closed": comments_closed,
        "translations": listing.translations(conn, now, item),
    }


ATOM = "http://www.w3.org/2005/Atom"


@router.get("/feed.atom")
def feed(request: Request, engine: EngineDep) -> Response:
    now = now_of(request)
    base = str(request.base_url).rstrip("/")
    with db.reading(engine) as conn:
        site = default_site(request, conn)
        return conditional(
            request,
            conn,
            now,
            lambda: _atom(listing.newest(conn, now, site, listing.FEED_SIZE), base, base),
        )


@router.get("/sites/{site}/feed.atom")
def site_feed(site: str, request: Request, engine: EngineDep) -> Response:
    now = now_of(request)
    root = str(request.base_url).rstrip("/")
    with db.reading(engine) as conn:
        if board.get_site(conn, site) is None:
            return _missing()
        return conditional(
            request,
            conn,
            now,
            lambda: _atom(
                listing.newest(conn, now, site, listing.FEED_SIZE), f"{root}/sites/{site}", root
            ),
        )


def shown_date(item: Item | Entry) -> datetime:
    """The date a list shows: of an item, or of an entry read from its row."""
    return item.published if isinstance(item, Entry) else published_at(item)


def _atom(entries: list[Entry], base: str, root: str) -> Response:
    """An Atom feed of ``items``; ``base`` is the site's address, ``root`` the portal's."""
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed", {"xml:lang": "vi"})
    ET.SubElement(feed, f"{{{ATOM}}}title").text = "Tin đã đăng"
    ET.SubElement(feed, f"{{{ATOM}}}id").text = f"{base}/feed.atom"
    ET.SubElement(feed, f"{{{ATOM}}}link", {"rel": "self", "href": f"{base}/feed.atom"})
    ET.SubElement(feed, f"{{{ATOM}}}link", {"rel": "alternate", "href": f"{base}/"})
    updated = max(
        (datetime.fromisoformat(e.updated_text) for e in entries),
        default=datetime(2026, 1, 1, tzinfo=UTC),
    )
    ET.SubElement(feed, f"{{{ATOM}}}updated").text = updated.isoformat()
    for item in entries:
        # each entry in its own language (AG-9.3): an English translation is not Vietnamese
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry", {"xml:lang": page_language(item.language)})
        # clean_text: an item stored before input was cleaned may hold what XML cannot
        ET.SubElement(entry, f"{{{ATOM}}}title").text = clean_text(item.title)
        ET.SubElement(entry, f"{{{ATOM}}}id").text = f"urn:uuid:{item.id}"
        ET.SubElement(
            entry, f"{{{ATOM}}}link", {"rel": "alternate", "href": f"{base}/items/{item.slug}"}
        )
        ET.SubElement(entry, f"{{{ATOM}}}published").text = item.published_text
        ET.SubElement(entry, f"{{{ATOM}}}updated").text = item.updated_text
        author = ET.SubElement(entry, f"{{{ATOM}}}author")
        ET.SubElement(author, f"{{{ATOM}}}name").text = clean_text(item.author)
        ET.SubElement(entry, f"{{{ATOM}}}summary").text = clean_text(item.summary)
        content = ET.SubElement(entry, f"{{{ATOM}}}content", {"type": "html"})
        content.text = item.html  # rendered and cleaned at publish (issue 21)
    xml = ET.tostring(feed, encoding="utf-8", xml_declaration=True)
    return Response(xml, media_type="application/atom+xml; charset=utf-8")


@router.get("/media/{sha256}")
def media(sha256: str, request: Request, engine: EngineDep) -> Response:
    sha = sha256.lower()
    with db.reading(engine) as conn:
        attached = len(sha) == 64 and any(
            sha in item.attachments
            or f"/media/{sha}" in item.body
            or sha in (str(value).strip().lower() for value in item.metadata.values())
            for item in _mentioning(conn, now_of(request), sha)
        )
        row = (
            conn.execute(select(db.blobs).where(db.blobs.c.sha256 == sha)).first()
            if attached
            else None
        )
    if row is None:
        return _page("missing.html", status=404, gone=False)
    return blob_response(row, public=True)


def _mentioning(conn: Connection, now: datetime, sha: str) -> list[Item]:
    """The public items whose JSON holds ``sha`` anywhere (a scan in SQL, not a parse of every
    item); the caller checks where."""
    if not all(c in "0123456789abcdef" for c in sha):
        return []
    query = select(db.items.c.data).where(
        public_now(now), func.lower(db.items.c.data).contains(sha, autoescape=True)
    )
    return [Item.from_dict(orjson.loads(row.data)) for row in conn.execute(query)]


@router.get("/static/style.css")
def stylesheet() -> Response:
    css = resources.files("portal.site").joinpath("static/style.css").read_text(encoding="utf-8")
    return Response(css, media_type="text/css", headers={"Cache-Control": "public, max-age=3600"})
