"""Rights, sessions and lock-out, and what the public site may never show."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx

from portal.server import PortalServer
from tests.portal.conftest import PASSWORD, Api


def test_a_member_cannot_forward_approve_or_take_down(api: dict[str, Api]) -> None:
    member, other, deputy, head = (
        api["thanhvien1"],
        api["thanhvien2"],
        api["phoban"],
        api["truongban"],
    )
    item = member.act(member.create(), "submit").json()
    for who in (member, other):
        refused = who.act(item, "forward")
        assert refused.status_code == 403 and refused.json()["errors"][0]["code"] == "no_right"
    item = deputy.act(item, "forward").json()
    for who in (member, other, deputy):
        assert who.act(item, "approve").status_code == 403
    item = head.act(item, "approve").json()
    for who in (member, other, deputy):
        refused = who.act(item, "take_down", "Gỡ.")
        assert refused.status_code == 403, refused.text
    assert member.get(f"/api/v1/items/{item['id']}").json()["state"] == "published"


def test_a_draft_is_its_authors_alone(api: dict[str, Api]) -> None:
    draft = api["thanhvien1"].create(title="Bản nháp riêng")
    other = api["thanhvien2"]
    assert other.get(f"/api/v1/items/{draft['id']}").status_code == 404
    assert all(c.get("item", {}).get("id") != draft["id"] for c in other.changes())
    assert api["truongban"].get(f"/api/v1/items/{draft['id']}").status_code == 404
    assert any(c["item"]["id"] == draft["id"] for c in api["thanhvien1"].changes())


def test_refresh_rotates_and_a_reused_token_revokes_the_family(api: dict[str, Api]) -> None:
    session = api["thanhvien1"]
    first_refresh, first_access = session.refresh_token, session.token
    rotated = session.client.post("/api/v1/auth/refresh", json={"refresh_token": first_refresh})
    assert rotated.status_code == 200
    second = rotated.json()
    assert second["refresh_token"] != first_refresh and second["expires_in"] == 900
    assert (
        session.client.get(
            "/api/v1/me", headers={"Authorization": f"Bearer {second['access_token']}"}
        ).status_code
        == 200
    )

    reused = session.client.post("/api/v1/auth/refresh", json={"refresh_token": first_refresh})
    assert reused.status_code == 401 and reused.json()["code"] == "token_revoked"
    # the whole family is gone: the newest refresh token and every access token
    newest = session.client.post(
        "/api/v1/auth/refresh", json={"refresh_token": second["refresh_token"]}
    )
    assert newest.status_code == 401 and newest.json()["code"] == "token_revoked"
    for token in (first_access, second["access_token"]):
        me = session.client.get("/api/v1/me", headers={"Authorization": f"Bearer {token}"})
        assert me.status_code == 401
    # another login of the same person is untouched
    assert api["thanhvien1"].__class__(session.url, "thanhvien1").login().token


def test_logout_ends_the_session(api: dict[str, Api]) -> None:
    session = api["phoban"]
    out = session.client.post("/api/v1/auth/logout", json={"refresh_token": session.refresh_token})
    assert out.status_code == 204
    assert session.get("/api/v1/me").status_code == 401


def test_access_tokens_expire_after_15_minutes(server: PortalServer, api: dict[str, Api]) -> None:
    session = api["thanhvien2"]
    later = datetime.now(UTC) + timedelta(minutes=16)
    server.app.state.clock = lambda: later
    try:
        expired = session.get("/api/v1/me")
        assert expired.status_code == 401 and expired.json()["code"] == "unauthenticated"
        renewed = session.client.post(
            "/api/v1/auth/refresh", json={"refresh_token": session.refresh_token}
        )
        assert renewed.status_code == 200
    finally:
        server.app.state.clock = lambda: datetime.now(UTC)


def test_unknown_user_and_wrong_password_get_the_same_answer(server: PortalServer) -> None:
    with httpx.Client(base_url=server.url) as client:
        wrong = client.post("/api/v1/auth/token", json={"username": "truongban", "password": "x"})
        unknown = client.post("/api/v1/auth/token", json={"username": "nobody", "password": "x"})
    assert wrong.status_code == unknown.status_code == 401
    assert wrong.json() == unknown.json()


def test_lock_out_after_five_failures(server: PortalServer) -> None:
    with httpx.Client(base_url=server.url) as client:
        for _ in range(5):
            answer = client.post(
                "/api/v1/auth/token", json={"username": "thanhvien2", "password": "sai-mat-khau"}
            )
            assert answer.status_code == 401
        locked = client.post(
            "/api/v1/auth/token", json={"username": "thanhvien2", "password": PASSWORD}
        )
        assert locked.status_code == 429 and locked.json()["code"] == "locked_out"
        assert 0 < int(locked.headers["Retry-After"]) <= 15 * 60
        # other accounts are not affected, and the lock ends after 15 minutes
        assert Api(server.url, "thanhvien1").login().token
        later = datetime.now(UTC) + timedelta(minutes=16)
        server.app.state.clock = lambda: later
        try:
            again = client.post(
                "/api/v1/auth/token", json={"username": "thanhvien2", "password": PASSWORD}
            )
            assert again.status_code == 200
        finally:
            server.app.state.clock = lambda: datetime.now(UTC)


def test_password_change_policy(api: dict[str, Api]) -> None:
    session = api["thanhvien1"]
    weak = session.post(
        "/api/v1/auth/password",
        json={"current_password": PASSWORD, "new_password": "thanhvien1-ngan"},
    )
    assert weak.status_code == 422 and weak.json()["code"] == "weak_password"
    assert "contains_name" in {e["code"] for e in weak.json()["errors"]}
    short = session.post(
        "/api/v1/auth/password", json={"current_password": PASSWORD, "new_password": "ngắn"}
    )
    assert "too_short" in {e["code"] for e in short.json()["errors"]}
    wrong = session.post(
        "/api/v1/auth/password",
        json={"current_password": "sai", "new_password": "một câu rất dài và khó đoán 2026"},
    )
    assert wrong.status_code == 403
    ok = session.post(
        "/api/v1/auth/password",
        json={"current_password": PASSWORD, "new_password": "một câu rất dài và khó đoán 2026"},
    )
    assert ok.status_code == 204
    assert session.get("/api/v1/me").status_code == 200  # this session stays
    Api(session.url, "thanhvien1").login("một câu rất dài và khó đoán 2026")


def _publish(api: dict[str, Api], **fields: Any) -> dict[str, Any]:
    member = api["thanhvien1"]
    item = member.act(member.create(**fields), "submit").json()
    item = api["phoban"].act(item, "forward").json()
    return api["truongban"].act(item, "approve").json()


def test_the_public_site_never_shows_unpublished_items(api: dict[str, Api]) -> None:
    member, deputy, head = api["thanhvien1"], api["phoban"], api["truongban"]
    blob = b"\x89PNG fake image bytes"
    sha = hashlib.sha256(blob).hexdigest()
    assert (
        member.put(
            f"/api/v1/blobs/{sha}", content=blob, headers={"Content-Type": "image/png"}
        ).status_code
        == 201
    )
    titles = {
        "draft": "BÍ MẬT nháp",
        "submitted": "BÍ MẬT chờ biên tập",
        "edited": "BÍ MẬT chờ duyệt",
        "rejected": "BÍ MẬT bị từ chối",
        "taken_down": "BÍ MẬT đã gỡ",
    }
    made = {state: member.create(title=title, attachments=[sha]) for state, title in titles.items()}
    submitted = {s: member.act(i, "submit").json() for s, i in made.items() if s != "draft"}
    deputy.act(submitted["rejected"], "reject", "Không phù hợp.")
    edited = deputy.act(submitted["edited"], "forward").json()
    assert edited["state"] == "edited"
    to_take_down = head.act(deputy.act(submitted["taken_down"], "forward").json(), "approve").json()
    slug = to_take_down["slug"]
    assert member.client.get(f"/items/{slug}").status_code == 200
    assert member.client.get(f"/media/{sha}").status_code == 200
    head.act(to_take_down, "take_down", "Thông tin đã cũ.")

    public = member.client
    pages = [public.get("/").text, public.get("/feed.atom").text]
    assert not any("BÍ MẬT" in page for page in pages)
    assert public.get(f"/items/{slug}").status_code == 410
    assert public.get(f"/media/{sha}").status_code == 404
    for item in made.values():
        assert public.get(f"/items/{item['id']}").status_code == 404


def test_html_and_scripts_in_markdown_are_stripped(api: dict[str, Api]) -> None:
    body = (
        "Đoạn mở đầu.\n\n<script>alert('x')</script>\n\n"
        '<img src="https://evil.example/a.png" onerror="alert(1)">\n\n'
        "[bấm vào](javascript:alert(2)) <iframe src='https://evil.example'></iframe>\n\n"
        '<p style="color:red" onclick="alert(3)">Đoạn có thuộc tính</p>'
    )
    item = _publish(api, title="Tin có mã độc", body=body)
    page = api["thanhvien1"].client.get(f"/items/{item['slug']}").text
    lowered = page.lower()
    for bad in (
        "<script",
        "onerror",
        "javascript:",
        "<iframe",
        "onclick",
        "evil.example",
        "style=",
    ):
        assert bad not in lowered, bad
    assert "Đoạn mở đầu." in page and "Đoạn có thuộc tính" in page
