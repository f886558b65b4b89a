"""The one renderer: what the preview and the public page show, and what they never show."""

from __future__ import annotations

import pytest

from desktop.models.render import render_markdown

HOSTILE = [
    "<script>alert('x')</script>",
    '<img src="/media/abc" onerror="alert(1)">',
    "[bấm vào đây](javascript:alert(1))",
    "[dữ liệu](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    '<iframe src="https://evil.example"></iframe>',
    '<p style="background:url(javascript:alert(1))">x</p>',
    '<a href="JaVaScRiPt:alert(1)">x</a>',
    "<svg onload=alert(1)>",
    '<object data="x.swf"></object>',
]


@pytest.mark.parametrize("markdown", HOSTILE)
def test_hostile_markdown_is_defused(markdown: str) -> None:
    html = render_markdown(markdown).lower()
    for needle in (
        "<script",
        "onerror",
        "onload",
        "javascript:",
        "data:",
        "<iframe",
        "style=",
        "<svg",
        "<object",
        "alert('x')",
    ):
        assert needle not in html


def test_news_content_survives() -> None:
    html = render_markdown(
        "# Hội nghị\n\n**Sáng nay**, *UBND tỉnh* tổ chức:\n\n- mục một\n- mục hai\n\n"
        "> trích dẫn\n\n[Cổng TTĐT](https://example.gov.vn)\n\n![Ảnh](/media/" + "a" * 64 + ")\n\n"
        "| Chỉ tiêu | Kết quả |\n|---|---|\n| Hồ sơ | 1.234 |\n"
    )
    assert "<h2>Hội nghị</h2>" in html
    assert "<strong>Sáng nay</strong>" in html and "<em>UBND tỉnh</em>" in html
    assert "<li>mục một</li>" in html and "<blockquote>" in html
    assert 'href="https://example.gov.vn"' in html and 'rel="noopener noreferrer nofollow"' in html
    assert f'src="/media/{"a" * 64}"' in html
    assert "<td>1.234</td>" in html


def test_images_from_elsewhere_are_dropped() -> None:
    html = render_markdown("![theo dõi](https://tracker.example/pixel.png)")
    assert "tracker.example" not in html
