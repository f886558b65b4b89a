"""The public pages' reads by indexed SQL with ``LIMIT`` (issue 21): the newest public items of
a site or of one of its sections, the sections that have any, an item's translations. None of
them parses more items than it shows, whatever the number ever published.

Every read keeps the public window of :func:`public_now` (issue 20: to the second) and sorts by
``items.published_at``, the date readers see (:mod:`portal.board.public_columns`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any

import orjson
from sqlalchemy import Select, and_, func, or_, select
from sqlalchemy.engine import Connection
from sqlalchemy.sql.elements import ColumnElement

from desktop.models import Item, State
from portal import db
from portal.board.public_columns import rendered_body

#: Items listed under each section of the home page (the newest).
HOME_PER_SECTION = 10
#: Entries of the Atom feed (the newest).
FEED_SIZE = 50
#: At most this many translations listed on an item's page (one per language is the use).
TRANSLATIONS = 20

_items = db.items


@dataclass(frozen=True, slots=True)
class Entry:
    """What a list and the feed show of a public item, read from its row without making an
    :class:`Item` (which checks every field: about a millisecond for a 4 KB item)."""

    id: str
    slug: str
    title: str
    summary: str
    author: str
    language: str
    published: datetime  # the date readers see (items.published_at)
    published_text: str  # the same moment as stored, in its own offset (the feed's text)
    updated_text: str
    html: str  # the body, rendered at publish

    @classmethod
    def of_row(cls, row: Any) -> Entry:
        data = orjson.loads(row.data)
        steps = data.get("steps") or {}
        approved = (steps.get("approve") or {}).get("at")
        published_text = data.get("publish_at") or approved or data.get("state_since") or ""
        moment = row.published_at
        moment = moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment
        html = row.body_html
        if html is None:  # a row written before revision 0012 rendered it
            html = rendered(row.id, row.version, str(data.get("body") or ""))
        return cls(
            id=row.id,
            slug=str(data.get("slug") or ""),
            title=str(data.get("title") or ""),
            summary=str(data.get("summary") or ""),
            author=str(data.get("author") or data.get("created_by") or ""),
            language=row.language,
            published=moment,
            published_text=published_text or moment.isoformat(),
            updated_text=data.get("updated_at") or published_text or moment.isoformat(),
            html=html,
        )


def public_now(now: datetime) -> ColumnElement[bool]:
    """The SQL condition of an item on the public pages at ``now`` (to the second)."""
    at = now.astimezone(UTC)
    return and_(
        _items.c.state == State.PUBLISHED.value,
        or_(_items.c.publish_at.is_(None), _items.c.publish_at <= at),
        or_(_items.c.expire_at.is_(None), _items.c.expire_at > at),
    )


def _newest(query: Select[Any], limit: int) -> Select[Any]:
    return query.order_by(_items.c.published_at.desc(), _items.c.id).limit(limit)


def _columns(now: datetime) -> Select[Any]:
    columns = (_items.c.data, _items.c.body_html, _items.c.id, _items.c.version)
    return select(*columns, _items.c.published_at, _items.c.language).where(public_now(now))


def newest(conn: Connection, now: datetime, site: str | None, limit: int) -> list[Entry]:
    """The ``limit`` newest items public at ``now``, of one site or of every site (None)."""
    query = _columns(now)
    if site is not None:
        query = query.where(_items.c.site == site)
    return [Entry.of_row(row) for row in conn.execute(_newest(query, limit))]


def newest_in_section(
    conn: Connection, now: datetime, site: str, category: str, limit: int
) -> list[Entry]:
    """The ``limit`` newest public items of one section."""
    query = _columns(now).where(_items.c.site == site, _items.c.category == category)
    return [Entry.of_row(row) for row in conn.execute(_newest(query, limit))]


def in_sections(conn: Connection, now: datetime, sections: list[tuple[str, str]]) -> list[Item]:
    """Every public item of the given (site, category) sections (the services' catalogue:
    a few hundred services, not every item), newest first."""
    found: list[Item] = []
    for site, category in sections:
        query = _columns(now).where(_items.c.site == site, _items.c.category == category)
        found += [Item.from_dict(orjson.loads(row.data)) for row in conn.execute(query)]
    return found


def sites_with_items(conn: Connection, now: datetime) -> list[str]:
    """The sites that have a public item at ``now``, by id."""
    ids = conn.execute(select(db.sites.c.id).order_by(db.sites.c.id)).scalars().all()
    return [
        site
        for site in ids
        if conn.execute(
            select(_items.c.id).where(public_now(now), _items.c.site == site).limit(1)
        ).first()
        is not None
    ]


def sections_with_items(conn: Connection, now: datetime, site: str) -> list[str]:
    """The categories of ``site`` with a public item at ``now``, in id order: one indexed
    ``MIN(category) … WHERE category > previous`` per section (a skip scan), never a scan of
    the site's items."""
    found: list[str] = []
    while True:
        query = select(func.min(_items.c.category)).where(public_now(now), _items.c.site == site)
        if found:
            query = query.where(_items.c.category > found[-1])
        category = conn.execute(query).scalar()
        if category is None:
            return found
        found.append(category)


def translations(conn: Connection, now: datetime, item: Item) -> list[Item]:
    """The item's published translations (and its original), newest first: two indexed
    reads (the original by its id, the others by ``translation_of``), never the site's items."""
    root = item.translation_of or item.id
    public = select(_items.c.data, _items.c.published_at, _items.c.id).where(
        public_now(now), _items.c.site == item.site, _items.c.id != item.id
    )
    rows = [
        *conn.execute(public.where(_items.c.id == root)),
        *conn.execute(public.where(_items.c.translation_of == root).limit(TRANSLATIONS)),
    ]
    rows.sort(key=lambda row: row.id)
    rows.sort(key=lambda row: row.published_at, reverse=True)
    return [Item.from_dict(orjson.loads(row.data)) for row in rows]


@lru_cache(maxsize=256)
def rendered(item_id: str, version: int, body: str) -> str:
    """The body of a row written before revision 0012 rendered its HTML: once per version."""
    return rendered_body(body)
