"""The one renderer: what the preview and the public page show, and what they never show."""

from __future__ import annotations

import pytest

from desktop.models.render import render_markdown, safe_url

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


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JAVASCRIPT:alert(1)",
        " \t java\nscr\ript:alert(1)",
        "\x00javascript:alert(1)",
        "java\x01script:alert(1)",
        "data:text/html,<script>",
        "vbscript:x",
        "tel:+84123",
        "file:///etc/passwd",
        "http:no-host",
        "https://[::1",
    ],
)
def test_safe_url_refuses_every_other_scheme(url: str) -> None:
    assert safe_url(url) is None
    assert safe_url(url, relative=True) is None


def test_safe_url_passes_http_https_mailto_and_relative_only_where_asked() -> None:
    assert safe_url("https://example.gov.vn/a?b=1#c") == "https://example.gov.vn/a?b=1#c"
    assert safe_url("  HTTP://example.gov.vn \n") == "HTTP://example.gov.vn"
    assert safe_url("mailto:banbientap@example.gov.vn") == "mailto:banbientap@example.gov.vn"
    assert safe_url("/items/tin-moi") is None  # a source must be a whole address
    assert safe_url("/items/tin-moi", relative=True) == "/items/tin-moi"
    assert safe_url("#muc-2", relative=True) == "#muc-2"
    assert safe_url("java script:x", relative=True) == "java script:x"  # a relative path


def test_links_in_a_body_go_through_safe_url() -> None:
    html = render_markdown(
        "[a](java&#x09;script:alert(1)) [b](tel:+84) [c](https://example.gov.vn) [d](/items/x)"
    )
    assert "script" not in html.lower() and "tel:" not in html
    assert 'href="https://example.gov.vn"' in html and 'href="/items/x"' in html
