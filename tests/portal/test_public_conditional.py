"""Conditional requests on the public site (issue 21, step 2), over real HTTP: every public page
and the feed carry ETag, Last-Modified and a Cache-Control fit for nginx; a matching
If-None-Match or If-Modified-Since gets 304; a publication, a section's new name or a scheduled
item's second changes the ETag."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime, parsedate_to_datetime

import httpx
import pytest

from desktop.models import Category, CategoryKind
from portal import db
from portal.board import directory as board
from portal.server import PortalServer
from portal.site.caching import MAX_AGE
from tests.operations.conftest import Clock
from tests.portal.conftest import SITE
from tests.portal.test_public_at_scale import START, publish

PAGES = ("/", "/feed.atom", "/search?q=tin", "/services", f"/sites/{SITE}/", "/search?q=tin&page=2")


@pytest.fixture
def clock(server: PortalServer) -> Iterator[Clock]:
    real = server.app.state.clock
    moved = Clock(START + timedelta(days=30))
    server.app.state.clock = moved
    yield moved
    server.app.state.clock = real


def test_every_page_has_validators_and_answers_304_to_them(
    server: PortalServer, clock: Clock
) -> None:
    (item,) = publish(server.app.state.engine, 1)
    with httpx.Client(base_url=server.url) as web:
        for path in (*PAGES, f"/items/{item.slug}", f"/sites/{SITE}/items/{item.slug}"):
            first = web.get(path)
            assert first.status_code == 200, path
            etag, modified = first.headers["etag"], first.headers["last-modified"]
            assert etag.startswith('W/"')
            assert first.headers["cache-control"] == (f"public, max-age={MAX_AGE}, must-revalidate")
            again = web.get(path, headers={"If-None-Match": etag})
            assert again.status_code == 304, path
            assert again.content == b"" and again.headers["etag"] == etag
            assert web.get(path, headers={"If-None-Match": 'W/"other", ' + etag}).status_code == 304
            assert web.get(path, headers={"If-None-Match": '"other"'}).status_code == 200
            assert web.get(path, headers={"If-Modified-Since": modified}).status_code == 304
            earlier = parsedate_to_datetime(modified) - timedelta(seconds=1)
            since = format_datetime(earlier, usegmt=True)
            assert web.get(path, headers={"If-Modified-Since": since}).status_code == 200
            assert web.get(path, headers={"If-Modified-Since": "yesterday"}).status_code == 200
            # If-None-Match wins: a stale tag gets the page whatever the date says
            both = {"If-None-Match": '"old"', "If-Modified-Since": modified}
            assert web.get(path, headers=both).status_code == 200
        # the address is part of the tag: another language, another page
        assert web.get("/").headers["etag"] != web.get("/?lang=en").headers["etag"]


def test_a_publication_and_a_section_renamed_change_the_etag(
    server: PortalServer, clock: Clock
) -> None:
    engine = server.app.state.engine
    (first,) = publish(engine, 1)
    with httpx.Client(base_url=server.url) as web:
        before = web.get("/")
        etag, modified = before.headers["etag"], before.headers["last-modified"]
        (second,) = publish(engine, 1, start=1, title="Tin mới đăng")
        after = web.get("/", headers={"If-None-Match": etag})
        assert after.status_code == 200 and "Tin mới đăng" in after.text
        assert after.headers["etag"] != etag
        assert parsedate_to_datetime(after.headers["last-modified"]) > parsedate_to_datetime(
            modified
        )
        assert web.get("/", headers={"If-Modified-Since": modified}).status_code == 200
        etag = after.headers["etag"]
        with db.writing(engine) as conn:  # a new section (the directory's version moves)
            board.add_category(
                conn, Category("su-kien", SITE, "Sự kiện", CategoryKind.NEWS, "Văn phòng")
            )
        assert web.get("/", headers={"If-None-Match": etag}).status_code == 200
        assert first.slug and second.slug


def test_a_scheduled_item_changes_the_etag_at_its_second(
    server: PortalServer, clock: Clock
) -> None:
    publish(server.app.state.engine, 1)
    at = (clock.now + timedelta(hours=2)).replace(microsecond=0)
    (scheduled,) = publish(
        server.app.state.engine, 1, start=1, title="Tin hẹn giờ", publish_at=at.isoformat()
    )
    with httpx.Client(base_url=server.url) as web:
        clock.now = at - timedelta(seconds=30)
        assert web.get("/").headers["cache-control"].startswith(f"public, max-age={MAX_AGE},")
        clock.now = at - timedelta(seconds=3)
        waiting = web.get("/feed.atom")
        assert "Tin hẹn giờ" not in waiting.text
        # a cache in front keeps it no longer than until the item's second
        assert waiting.headers["cache-control"] == "public, max-age=3, must-revalidate"
        etag = waiting.headers["etag"]
        clock.now = at - timedelta(seconds=1)
        assert web.get("/feed.atom", headers={"If-None-Match": etag}).status_code == 304
        clock.now = at
        out = web.get("/feed.atom", headers={"If-None-Match": etag})
        assert out.status_code == 200 and "Tin hẹn giờ" in out.text
        assert parsedate_to_datetime(out.headers["last-modified"]) == at.astimezone(UTC)
        page = web.get(f"/items/{scheduled.slug}")
        assert page.status_code == 200 and page.headers["etag"]


def test_missing_pages_are_not_304_for_a_page_that_exists(
    server: PortalServer, clock: Clock
) -> None:
    (item,) = publish(server.app.state.engine, 1)
    with httpx.Client(base_url=server.url) as web:
        etag = web.get(f"/items/{item.slug}").headers["etag"]
        missing = web.get("/items/khong-co", headers={"If-None-Match": etag})
        assert missing.status_code == 404
        assert datetime.now(UTC) > START
