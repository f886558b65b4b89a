"""The public page shows what the content rules demand (issue 6), from the demo portal over
real HTTP: a repost's source and author (BD-9.3), a consultation's comment deadline and its
closing (AG-25), and links between the translations of an item (AG-9.3)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import orjson
import pytest
from sqlalchemy import create_engine, select, update

from portal import db
from portal.server import PortalServer


@pytest.fixture
def demo(tmp_path: Path) -> Iterator[Any]:
    url = f"sqlite:///{tmp_path / 'portal.sqlite3'}"
    with PortalServer(url, demo=True) as server:
        yield server, url


def published(url: str) -> list[dict[str, Any]]:
    engine = create_engine(url)
    with engine.connect() as conn:
        rows = [orjson.loads(r.data) for r in conn.execute(select(db.items.c.data))]
    engine.dispose()
    return [r for r in rows if r["state"] == "published"]


def page(server: Any, slug: str) -> str:
    answer = httpx.get(f"{server.url}/items/{slug}")
    assert answer.status_code == 200, slug
    return answer.text


def test_repost_shows_its_source_and_author(demo: Any) -> None:
    server, url = demo
    repost = next(i for i in published(url) if i["origin"] == "repost")
    text = page(server, repost["slug"])
    assert f'href="{repost["source"]["url"]}"' in text
    assert repost["source"]["name"] in text
    assert f'<span class="author">{repost["author"]}</span>' in text


def test_public_page_shows_the_providing_unit(demo: Any) -> None:
    server, url = demo
    item = next(i for i in published(url) if i["unit"])
    assert f"Đơn vị cung cấp tin: {item['unit']}" in page(server, item["slug"])


def test_translations_link_each_other(demo: Any) -> None:
    server, url = demo
    items = published(url)
    translation = next(i for i in items if i["translation_of"])
    original = next(i for i in items if i["id"] == translation["translation_of"])
    assert f'/items/{translation["slug"]}"' in page(server, original["slug"])
    assert f'/items/{original["slug"]}"' in page(server, translation["slug"])


def set_deadline(url: str, item: dict[str, Any], deadline: str) -> None:
    item = {**item, "metadata": {**item["metadata"], "comment_deadline": deadline}}
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(
            update(db.items).where(db.items.c.id == item["id"]).values(data=orjson.dumps(item))
        )
    engine.dispose()


def test_consultation_closes_at_its_deadline(demo: Any) -> None:
    server, url = demo
    consultation = next(i for i in published(url) if i["category"] == "lay-y-kien")
    set_deadline(url, consultation, "2099-12-31")
    text = page(server, consultation["slug"])
    assert "Hạn góp ý: 31/12/2099" in text and "Đã hết hạn góp ý" not in text
    set_deadline(url, consultation, "2020-01-15")
    assert "Đã hết hạn góp ý (15/01/2020)" in page(server, consultation["slug"])
