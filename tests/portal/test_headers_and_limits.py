"""Security headers (and whom the portal believes about HTTPS and addresses), hostile Markdown on
the public pages, and the login limit per client address."""

from __future__ import annotations

import hashlib
from typing import Any

import httpx

from portal.server import PortalServer
from tests.portal.conftest import PASSWORD, Api
from tests.portal.security_world import audit_rows, login

HOSTILE_BODY = "\n\n".join(
    [
        "Đoạn mở đầu an toàn.",
        "<script>alert('script')</script>",
        '<img src="/media/x" onerror="alert(1)"> <a href="#" onmouseover="alert(2)">di chuột</a>',
        "[bấm](javascript:alert(3)) [bấm hoa](JaVaScRiPt:alert(4)) [mã](&#106;avascript:alert(5))",
        "[dữ liệu](data:text/html;base64,PHNjcmlwdD5hbGVydCg2KTwvc2NyaXB0Pg==)",
        "![ảnh](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoNyk+)",
        '<iframe src="https://evil.example/"></iframe>',
        '<object data="x.swf"></object><embed src="x">',
        '<svg onload="alert(8)"><circle r="1"/></svg><math><mi>x</mi></math>',
        '<style>body{display:none}</style><p style="color:red">Đoạn có kiểu</p>',
        '<form action="https://evil.example/"><input name="p"></form>',
        '<base href="https://evil.example/">',
        '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
        '<link rel="stylesheet" href="x">',
    ]
)
FORBIDDEN = (
    "<script",
    "onerror",
    "onmouseover",
    "onload",
    "javascript:",
    "data:",
    "<iframe",
    "<object",
    "<embed",
    "<svg",
    "<math",
    "<style",
    "style=",
    "<form",
    "<input",
    "<base",
    "<meta http-equiv",
    "evil.example",
    "alert(",
)


def _publish(api: dict[str, Api], **fields: Any) -> dict[str, Any]:
    item = api["thanhvien1"].act(api["thanhvien1"].create(**fields), "submit").json()
    item = api["phoban"].act(item, "forward").json()
    return api["truongban"].act(item, "approve").json()


def test_hostile_markdown_never_reaches_the_public_page(api: dict[str, Api]) -> None:
    item = _publish(api, title="Tin có mã độc", body=HOSTILE_BODY)
    stored = api["thanhvien1"].get(f"/api/v1/items/{item['id']}").json()
    assert stored["body"] == HOSTILE_BODY  # kept as written: the board sees what was sent
    public = api["thanhvien1"].client
    page = public.get(f"/items/{item['slug']}")
    feed = public.get("/feed.atom").text
    assert page.status_code == 200 and "Đoạn mở đầu an toàn." in page.text
    assert "Đoạn có kiểu" in page.text
    # The item's own part of the page: the site's header legitimately holds the search form.
    article = page.text.split('<article class="item">', 1)[1].split("</article>", 1)[0]
    body_html = article.lower()
    feed_html = feed.lower().replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    for bad in FORBIDDEN:
        assert bad not in body_html, bad
        assert bad not in feed_html, bad
    csp = page.headers["content-security-policy"]
    for directive in (
        "default-src 'self'",
        "img-src 'self'",
        "script-src 'none'",
        "frame-ancestors 'none'",
    ):
        assert directive in csp
    assert "unsafe-inline" not in csp


def test_security_headers_on_pages_api_and_errors(api: dict[str, Api]) -> None:
    session = api["thanhvien1"]
    answers = {
        "page": session.client.get("/"),
        "missing page": session.client.get("/items/khong-co"),
        "api": session.get("/api/v1/me"),
        "api error": session.get("/api/v1/items/khong-co"),
        "unauthenticated": session.client.get("/api/v1/me"),
        "too large": session.post("/api/v1/items/x/comments", content=b"{" * 3_000_000),
    }
    for name, answer in answers.items():
        headers = answer.headers
        assert headers["x-content-type-options"] == "nosniff", name
        assert headers["x-frame-options"] == "DENY", name
        assert headers["referrer-policy"] == "no-referrer", name
        assert "frame-ancestors 'none'" in headers["content-security-policy"], name
        assert "strict-transport-security" not in headers, name  # plain http here
    for name in ("api", "api error", "unauthenticated", "too large"):
        assert answers[name].headers["cache-control"] == "no-store", name
    assert "default-src 'none'" in answers["api"].headers["content-security-policy"]
    assert answers["page"].headers.get("cache-control") != "no-store"


def test_a_blob_keeps_its_own_sandbox(api: dict[str, Api]) -> None:
    data = b"<html><script>alert(1)</script></html>"
    sha = hashlib.sha256(data).hexdigest()
    api["thanhvien1"].put(
        f"/api/v1/blobs/{sha}", content=data, headers={"Content-Type": "text/html"}
    )
    got = api["thanhvien1"].get(f"/api/v1/blobs/{sha}")
    assert "sandbox" in got.headers["content-security-policy"]
    assert got.headers["x-content-type-options"] == "nosniff"


def test_https_and_addresses_only_from_trusted_proxies(server: PortalServer) -> None:
    forwarded = {"X-Forwarded-Proto": "https", "X-Forwarded-For": "203.0.113.50"}
    with httpx.Client(base_url=server.url) as client:
        plain = client.get("/")
        proxied = client.get("/", headers=forwarded)
        assert "strict-transport-security" not in plain.headers
        assert proxied.headers["strict-transport-security"].startswith("max-age=")
        assert login(server.url, "thanhvien1", **forwarded).status_code == 200
        server.app.state.trusted_proxies = ()  # loopback is no longer a trusted proxy
        untrusted = client.get("/", headers=forwarded)
        assert "strict-transport-security" not in untrusted.headers
        assert login(server.url, "thanhvien1", **forwarded).status_code == 200
    logins = audit_rows(server.app.state.engine, event="login", actor="thanhvien1")
    assert [r["address"] for r in logins] == ["203.0.113.50", "127.0.0.1"]


def test_failed_logins_are_limited_per_address_across_accounts(server: PortalServer) -> None:
    guesser = {"X-Forwarded-For": "203.0.113.9"}
    for n in range(30):  # one guess per account name: no account reaches its own lock-out
        assert login(server.url, f"nguoi{n}", "mật khẩu phổ biến", **guesser).status_code == 401
    blocked = login(server.url, "thanhvien1", PASSWORD, **guesser)
    assert blocked.status_code == 429 and blocked.json()["code"] == "locked_out"
    assert 0 < int(blocked.headers["retry-after"]) <= 15 * 60
    # another address, and the same account from there, are not affected
    elsewhere = login(server.url, "thanhvien1", PASSWORD, **{"X-Forwarded-For": "203.0.113.10"})
    assert elsewhere.status_code == 200
    refused = audit_rows(server.app.state.engine, event="login", outcome="refused")
    assert [(r["actor"], r["address"]) for r in refused] == [("thanhvien1", "203.0.113.9")]
