"""The portal refuses to take an item whose section's required fields are missing (BD-11)."""

from __future__ import annotations

from typing import Any

from desktop.models import Category, CategoryKind
from portal import db
from portal.board import directory as board
from tests.portal.conftest import SITE, Api


def _legal_section(server: Any) -> None:
    with db.writing(server.app.state.engine) as conn:
        board.add_category(
            conn, Category("vbpl", SITE, "Văn bản QPPL", CategoryKind.LEGAL, "Văn phòng", None, 9)
        )


def test_submit_needs_the_sections_required_fields(server: Any, api: dict[str, Api]) -> None:
    _legal_section(server)
    writer = api["thanhvien1"]
    item = writer.create(category="vbpl", metadata={"number": "12/2026/QĐ-UBND"})
    refused = writer.act(item, "submit")
    assert refused.status_code == 422, refused.text
    problem = refused.json()
    assert "incomplete" in refused.text
    fields = {e["field"] for e in problem["errors"]}
    assert {"metadata.issuer", "metadata.issue_date", "metadata.file"} <= fields
    assert "metadata.number" not in fields
    assert any("Chưa nhập" in e["vi"] for e in problem["errors"])
    sha = "a" * 64
    complete = {
        "document_type": "quyet_dinh",
        "number": "12/2026/QĐ-UBND",
        "issuer": "UBND tỉnh",
        "issue_date": "30/10/2026",
        "abstract": "Ban hành Quy chế",
        "file": sha,
    }
    answer = writer.put(
        f"/api/v1/items/{item['id']}",
        json={
            **{k: item[k] for k in ("site", "category", "title", "summary", "body", "author")},
            "metadata": complete,
            "attachments": [sha],
        },
        headers={"If-Match": f'"{item["version"]}"'},
    )
    assert answer.status_code == 200, answer.text
    assert writer.act(answer.json(), "submit").status_code == 200


def test_news_has_no_required_fields(api: dict[str, Api]) -> None:
    writer = api["thanhvien1"]
    assert writer.act(writer.create(), "submit").status_code == 200
