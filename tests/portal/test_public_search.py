"""The public site's search box (BD-14.1.a): with or without accents, published items only."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from portal.server import PortalServer


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    path: Path = tmp_path_factory.mktemp("public-search") / "portal.sqlite3"
    with PortalServer(f"sqlite:///{path}", demo=True) as server:
        yield server


def titles(server: Any, query: str, site: str = "") -> list[str]:
    answer = httpx.get(f"{server.url}{site}/search", params={"q": query})
    assert answer.status_code == 200
    assert answer.headers["content-security-policy"]
    return [
        line.split('">', 1)[1].split("</a>", 1)[0]
        for line in answer.text.splitlines()
        if "<li><a href=" in line
    ]


def test_finds_with_and_without_accents(demo: Any) -> None:
    accented = titles(demo, "Quyết định 12/2026")
    assert accented and accented == titles(demo, "quyet dinh 12/2026")
    assert "Quyết định số 12/2026/QĐ-UBND" in accented[0]  # the title beats passing mentions
    assert titles(demo, "sot xuat huyet")[0].startswith("Chủ động phòng, chống sốt xuất huyết")


def test_never_shows_an_unpublished_item(demo: Any) -> None:
    from portal.demo import content as demo_content

    unpublished = [
        spec["content"]["title"]
        for spec in demo_content.ITEMS
        if not any(step[0] == "approve" for step in spec.get("path", ()))
        or any(step[0] == "take_down" for step in spec.get("path", ()))
    ]
    assert len(unpublished) >= 5  # drafts, both queues, rejected, taken down
    for title in unpublished:  # searching an item's own title never shows it
        assert title not in titles(demo, title)


@pytest.mark.parametrize(
    "query", ['"', "*", "NEAR(", "AND OR NOT", "", "   ", "x" * 10_000, "<script>alert(1)</script>"]
)
def test_odd_input_is_just_text(demo: Any, query: str) -> None:
    answer = httpx.get(f"{demo.url}/search", params={"q": query})
    assert answer.status_code == 200
    assert "<script>alert" not in answer.text


def test_every_page_has_the_search_box(demo: Any) -> None:
    home = httpx.get(demo.url + "/").text
    assert 'role="search"' in home and 'action="/search"' in home
    assert titles(demo, "sot xuat huyet", site="/sites/demo")
