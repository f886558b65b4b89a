"""The public page's fact box and files (issue 19), over real HTTP: labels instead of raw keys,
the file's name instead of its sha256, attachments by name; the name travels from the
member's disk through the desk's upload to the portal; a blob stored before names were kept
still shows something a reader understands."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx
import orjson
import pytest
from sqlalchemy import create_engine, select, update

from portal import db
from portal.db import schema
from portal.demo import content as demo
from portal.server import PortalServer
from tests.portal.conftest import Api, seed_board

FILE_NAME = "Quyết định 12-2026-QĐ-UBND.txt"


@pytest.fixture
def demo_portal(tmp_path: Path) -> Iterator[tuple[PortalServer, str]]:
    url = f"sqlite:///{tmp_path / 'portal.sqlite3'}"
    with PortalServer(url, demo=True) as server:
        yield server, url


def published(url: str, category: str) -> dict[str, Any]:
    engine = create_engine(url)
    with engine.connect() as conn:
        rows = [orjson.loads(r.data) for r in conn.execute(select(db.items.c.data))]
    engine.dispose()
    return next(r for r in rows if r["state"] == "published" and r["category"] == category)


def facts(page: str) -> list[tuple[str, str]]:
    table = page.split('<table class="facts">', 1)[1].split("</table>", 1)[0]
    return [
        (label, re.sub(r"<[^>]+>", "", value))
        for label, value in re.findall(r'<th scope="row">(.*?)</th><td>(.*?)</td>', table)
    ]


def test_the_fact_box_shows_labels_and_the_files_name(
    demo_portal: tuple[PortalServer, str],
) -> None:
    server, url = demo_portal
    decision = published(url, "van-ban-phap-luat")
    page = httpx.get(f"{server.url}/items/{decision['slug']}").text
    rows = dict(facts(page))
    assert rows["Lĩnh vực"] == "Hành chính"
    assert rows["Văn bản được thay thế"].startswith("Quyết định số 18/2020/QĐ-UBND")
    assert rows["Tệp văn bản"] == FILE_NAME
    labels = [label for label, _value in facts(page)]
    assert not {"field", "replaces", "file", "document_type"} & set(labels)
    assert demo.LEGAL_FILE_SHA not in re.sub(r'href="[^"]+"', "", page)  # only in links
    assert f'<a href="/media/{demo.LEGAL_FILE_SHA}" class="file">{FILE_NAME}</a>' in page
    assert "Tệp 1" not in page
    consultation = published(url, "lay-y-kien")
    labels = [
        label for label, _v in facts(httpx.get(f"{server.url}/items/{consultation['slug']}").text)
    ]
    assert "Tên dự thảo" in labels and "draft_title" not in labels
    download = httpx.get(f"{server.url}/media/{demo.LEGAL_FILE_SHA}")
    assert download.status_code == 200
    assert (
        f"filename*=UTF-8''{quote(FILE_NAME, safe='')}" in download.headers["content-disposition"]
    )
    assert download.headers["content-disposition"].startswith("attachment;")


def test_a_file_stored_before_names_were_kept(demo_portal: tuple[PortalServer, str]) -> None:
    server, url = demo_portal
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(update(db.blobs).values(name=None))
    engine.dispose()
    decision = published(url, "van-ban-phap-luat")
    page = httpx.get(f"{server.url}/items/{decision['slug']}").text
    assert dict(facts(page))["Tệp văn bản"] == "Tệp đính kèm 1.txt"
    assert ">Tệp đính kèm 1.txt</a>" in page.split('class="attachments"', 1)[1]
    assert (
        httpx.get(f"{server.url}/media/{demo.LEGAL_FILE_SHA}").headers["content-disposition"]
        == "attachment"
    )


def test_an_upload_names_its_file_and_a_later_name_fills_a_missing_one(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'p.sqlite3'}"
    with PortalServer(url) as server:
        engine = server.app.state.engine
        seed_board(engine)
        api = Api(server.url, "thanhvien1").login()
        data = b"hello"
        sha = hashlib.sha256(data).hexdigest()
        first = api.put(
            f"/api/v1/blobs/{sha}", content=data, headers={"Content-Type": "text/plain"}
        )
        assert first.status_code == 201 and first.json()["name"] == ""
        named = api.put(
            f"/api/v1/blobs/{sha}",
            params={"name": "C:\\Users\\ha\\Tài liệu\\Kế hoạch\x07 số 5.txt"},
            content=data,
            headers={"Content-Type": "text/plain"},
        )
        assert named.status_code == 200 and named.json()["name"] == "Kế hoạch số 5.txt"
        again = api.put(
            f"/api/v1/blobs/{sha}",
            params={"name": "other.txt"},
            content=data,
            headers={"Content-Type": "text/plain"},
        )
        assert again.status_code == 200  # the first name stays
        with db.reading(engine) as conn:
            assert conn.execute(select(db.blobs.c.name)).scalar_one() == "Kế hoạch số 5.txt"


def test_revision_0011_keeps_old_blobs_without_a_name(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'old.sqlite3'}"
    engine = db.make_engine(url, migrate=False)
    schema.upgrade(engine, "0010")  # the revision before 0011
    with engine.begin() as conn:
        conn.execute(
            db.blobs.insert().values(
                sha256="a" * 64,
                content_type="application/pdf",
                size=3,
                data=b"abc",
                uploaded_by="thanhvien1",
                created_at=datetime(2026, 1, 1, tzinfo=UTC),
            )
        )
    schema.upgrade(engine)
    assert schema.current_revision(engine) == schema.head_revision()
    with engine.connect() as conn:
        row = conn.execute(select(db.blobs.c.data, db.blobs.c.name)).one()
    assert row.data == b"abc" and row.name is None
    engine.dispose()
