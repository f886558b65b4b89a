"""The WordPress renderer checks every address with the one function (``safe_url``), whatever
the item holds: a source stored before the portal checked it is shown as its name only."""

from __future__ import annotations

import pytest

from desktop.models import Item, Origin, Source
from desktop.publishing.rendering import render_item, rewrite_media


@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", " JaVa\tScRiPt:alert(1)", "data:text/html,x", "//evil.example"]
)
def test_a_hostile_source_is_not_a_link(url: str) -> None:
    item = Item(
        id="tin-1",
        site="so",
        title="Tin",
        body="Nội dung.",
        origin=Origin.REPOST,
        source=Source("Báo X", url),
    )
    html = render_item(item).html
    assert "<a " not in html and "script" not in html.lower() and "evil" not in html
    assert "Báo X" in html


def test_a_good_source_is_a_link() -> None:
    item = Item(id="tin-1", site="so", source=Source("Báo X", "https://baox.vn/a"))
    assert '<a href="https://baox.vn/a">Báo X</a>' in render_item(item).html


def test_rewritten_html_keeps_only_safe_links() -> None:
    html = rewrite_media(
        '<p><a href="javascript:alert(1)">x</a><a href="https://vtv.vn">y</a></p>', {}
    )
    assert "javascript" not in html and 'href="https://vtv.vn"' in html
