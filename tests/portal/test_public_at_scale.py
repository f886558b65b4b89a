"""The public site at scale (issue 21, step 1): the home page, the feed and an item page's
translations read the newest items by indexed SQL with LIMIT, never every published item; the
feed and the item page show the body rendered once at publish; revision 0012 fills the new
columns of rows written before it.

"Never every item" is proved by breaking the JSON of items that a page must not read: a page
that parsed every published item would fail on them.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import orjson
import pytest
from sqlalchemy import Column, MetaData, Table, insert, select, update

from desktop.models import Action, Item
from portal import db
from portal.board import directory as board
from portal.board import service
from portal.db import schema
from portal.server import PortalServer
from portal.site import indexed_search
from portal.site.listing import FEED_SIZE, HOME_PER_SECTION
from tests.portal.conftest import SITE, content, seed_board

START = datetime(2026, 11, 1, 8, 0, tzinfo=UTC)
#: The columns of ``items`` that revision 0011 had.
OLD_COLUMNS = [
    db.items.c[name]
    for name in "id site category state version created_by slug data change_seq".split()
]


def publish(engine: Any, count: int, *, start: int = 0, **fields: Any) -> list[Item]:
    """``count`` items through the three steps (the service's own writers), one hour apart."""
    made = []
    with db.writing(engine) as conn:
        people = {
            name: board.load_user(conn, name) for name in ("thanhvien1", "phoban", "truongban")
        }
        for n in range(start, start + count):
            at = START + timedelta(hours=n)
            item = service.create_item(
                conn,
                people["thanhvien1"],
                str(uuid.uuid4()),
                SITE,
                content(**{"title": f"Tin số {n}", **fields}),
                at,
            )
            for person, action in (
                ("thanhvien1", Action.SUBMIT),
                ("phoban", Action.FORWARD),
                ("truongban", Action.APPROVE),
            ):
                item = service.do_action(conn, people[person], item.id, action.value, at)
            made.append(item)
    return made


def break_json(engine: Any, items: list[Item]) -> None:
    """Make these rows unreadable as items: a page that parses them fails."""
    with db.writing(engine) as conn:
        for item in items:
            conn.execute(update(db.items).where(db.items.c.id == item.id).values(data="{broken"))


def test_home_lists_the_newest_of_each_section_without_reading_the_rest(
    server: PortalServer,
) -> None:
    engine = server.app.state.engine
    older = publish(engine, 5)
    newer = publish(engine, HOME_PER_SECTION, start=5)
    other = publish(engine, 2, start=100, category="van-ban")
    break_json(engine, older)
    with httpx.Client(base_url=server.url) as web:
        home = web.get("/")
        assert home.status_code == 200
        for item in newer + other:
            assert item.title in home.text
        titles = [f">{item.title}<" for item in reversed(newer)]  # newest first
        positions = [home.text.index(t) for t in titles]
        assert positions == sorted(positions)
        assert home.text.index("Tin tức") < home.text.index("Văn bản")  # the sections' order
        assert web.get(f"/sites/{SITE}/").status_code == 200


def test_feed_reads_its_fifty_and_shows_the_html_stored_at_publish(server: PortalServer) -> None:
    engine = server.app.state.engine
    older = publish(engine, 3)
    newer = publish(engine, FEED_SIZE, start=3, body="Nội dung **đậm**.")
    break_json(engine, older)
    with db.writing(engine) as conn:  # what the feed shows is the stored HTML, not a new render
        stored = conn.execute(
            select(db.items.c.body_html).where(db.items.c.id == newer[-1].id)
        ).scalar_one()
        assert (
            stored == "<p>Nội dung <strong>đậm</strong>.</p>\n" or "<strong>đậm</strong>" in stored
        )
        conn.execute(
            update(db.items)
            .where(db.items.c.id == newer[-1].id)
            .values(body_html="<p>Bản đã dựng sẵn</p>")
        )
    with httpx.Client(base_url=server.url) as web:
        feed = web.get("/feed.atom")
        assert feed.status_code == 200
        assert feed.text.count("<entry") == FEED_SIZE
        assert "Bản đã dựng sẵn" in feed.text
        assert feed.text.index(newer[-1].id) < feed.text.index(newer[0].id)
        page = web.get(f"/items/{newer[-1].slug}")
        assert "Bản đã dựng sẵn" in page.text


def test_translations_by_sql_and_taken_down_item_loses_its_html(server: PortalServer) -> None:
    engine = server.app.state.engine
    (original,) = publish(engine, 1, title="Gốc")
    (english,) = publish(engine, 1, start=1, language="en", translation_of=original.id)
    unrelated = publish(engine, 5, start=2)
    break_json(engine, unrelated)
    with httpx.Client(base_url=server.url) as web:
        page = web.get(f"/items/{original.slug}")
        assert page.status_code == 200
        assert f"/items/{english.slug}" in page.text
        english_page = web.get(f"/items/{english.slug}")
        assert f"/items/{original.slug}" in english_page.text
    with db.writing(engine) as conn:
        head = board.load_user(conn, "truongban")
        service.do_action(conn, head, english.id, Action.TAKE_DOWN.value, START, comment="Sai")
        row = conn.execute(
            select(db.items.c.body_html, db.items.c.language, db.items.c.translation_of).where(
                db.items.c.id == english.id
            )
        ).one()
        assert row.body_html is None and (row.language, row.translation_of) == ("en", original.id)
    with httpx.Client(base_url=server.url) as web:
        assert f"/items/{english.slug}" not in web.get(f"/items/{original.slug}").text


def test_revision_0012_fills_the_columns_of_existing_rows(database_url: str) -> None:
    engine = db.make_engine(database_url, migrate=False)
    schema.upgrade(engine, "0011")
    seed_board(engine)
    approved = Item.from_dict(
        {
            "id": "tin-cu-1",
            "site": SITE,
            "category": "tin-tuc",
            "title": "Tin cũ",
            "body": "Đã **đăng** trước.",
            "language": "en",
            "translation_of": "goc-1",
            "state": "published",
            "version": 4,
            "created_by": "thanhvien1",
            "steps": {
                "approve": {"by": "truongban", "at": "2026-11-02T03:00:00+00:00", "version": 4}
            },
            "updated_at": "2026-11-02T03:00:00+00:00",
            "slug": "tin-cu",
        }
    )
    old_items = Table("items", MetaData(), *(Column(c.name, c.type) for c in OLD_COLUMNS))
    with db.writing(engine) as conn:  # a row as revision 0011 wrote it: no new columns
        conn.execute(
            insert(old_items).values(
                id=approved.id,
                site=SITE,
                category="tin-tuc",
                state="published",
                version=4,
                created_by="thanhvien1",
                slug="tin-cu",
                data=orjson.dumps(approved.to_dict()).decode(),
                change_seq=1,
            )
        )
    schema.upgrade(engine)
    with db.reading(engine) as conn:
        row = conn.execute(select(db.items).where(db.items.c.id == approved.id)).one()
    engine.dispose()
    assert row.published_at.replace(tzinfo=UTC) == datetime(2026, 11, 2, 3, 0, tzinfo=UTC)
    assert (row.language, row.translation_of) == ("en", "goc-1")
    assert "<strong>đăng</strong>" in row.body_html
    engine = db.make_engine(database_url)
    with db.reading(engine) as conn:  # and the search's index holds it
        assert indexed_search.ranked_ids(conn, START, None, "dang truoc") == [approved.id]
    engine.dispose()


def test_search_reads_only_its_page_through_the_index(server: PortalServer) -> None:
    engine = server.app.state.engine
    matching = publish(engine, 25, body="Lễ hội Đình làng Phú Lễ")
    others = publish(engine, 30, start=25, body="Tin khác hẳn")
    lower = publish(engine, 1, start=60, body="Quyết định về lễ hội định kỳ", title="Định kỳ")
    break_json(engine, others)  # never read: they do not match
    with httpx.Client(base_url=server.url) as web:
        first = web.get("/search", params={"q": "Đình"})
        assert first.status_code == 200
        assert first.text.count('<span class="date">') == 20
        assert 'rel="next"' in first.text and lower[0].title not in first.text
        last = web.get("/search", params={"q": "Đình", "page": "2"})
        assert last.text.count('<span class="date">') == 6
        assert lower[0].title in last.text  # "định" only once accents are folded: last
        assert last.text.index(matching[0].title) < last.text.index(lower[0].title)
        for item in matching[:5]:
            assert item.title in first.text or item.title in last.text
    with db.writing(engine) as conn:  # taken down: out of the index at once
        head = board.load_user(conn, "truongban")
        service.do_action(conn, head, lower[0].id, Action.TAKE_DOWN.value, START, comment="Sai")
        assert indexed_search.ranked_ids(conn, START + timedelta(days=9), None, "dinh ky") == []


def test_a_broad_search_ranks_only_its_newest_matches(
    server: PortalServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Past :data:`indexed_search.CANDIDATES` matches (500 in use, 4 here) the newest are
    ranked and counted, and the count says there are more; the older follow, newest first; the
    index keeps one row per item through edits, and the legal filters' ranking still sees every
    match."""
    engine = server.app.state.engine
    older = publish(engine, 2, body="Hội nghị chuyển đổi số")
    newer = publish(engine, 4, start=2, body="Hội nghị chuyển đổi số")
    publish(engine, 3, start=6, body="Tin khác hẳn")
    monkeypatch.setattr(indexed_search, "CANDIDATES", 4)
    now = START + timedelta(days=1)
    with db.writing(engine) as conn:  # an edit of a published item: indexed again, once
        head = board.load_user(conn, "truongban")
        service.update_item(conn, head, older[0].id, older[0].version, {"summary": "Sửa"}, now)
    with db.reading(engine) as conn:
        page = indexed_search.search_page(conn, now, None, "chuyen doi so", 1)
        assert (page.more, page.total, page.pages, page.open_ended) == (True, 4, 2, True)
        assert {entry.id for entry in page.items} == {item.id for item in newer}
        # then every older match, newest first (the edit does not make an item newer)
        older_page = indexed_search.search_page(conn, now, None, "chuyen doi so", 2)
        assert [entry.id for entry in older_page.items] == [older[1].id, older[0].id]
        assert (older_page.number, older_page.pages) == (2, 2)
        past_the_end = indexed_search.search_page(conn, now, None, "chuyen doi so", 9)
        assert [entry.id for entry in past_the_end.items] == [older[1].id, older[0].id]
        assert indexed_search.count(conn, now, None, "chuyen doi so") == 5  # "more than 4"
        every = indexed_search.ranked_ids(conn, now, None, "chuyen doi so")
        assert sorted(every) == sorted(item.id for item in older + newer)
    monkeypatch.setattr(indexed_search, "CANDIDATES", 6)
    with db.reading(engine) as conn:
        page = indexed_search.search_page(conn, now, None, "chuyen doi so", 1)
        assert (page.more, page.total) == (False, 6)
