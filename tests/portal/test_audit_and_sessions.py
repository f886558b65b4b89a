"""The audit log (every kind of event, for the head and the administrator only) and the
sessions an administrator revokes (API and command line)."""

from __future__ import annotations

from typing import Any

from desktop.models import Role, Step
from portal import db
from portal.board import directory as board
from portal.server import PortalServer
from tests.portal.conftest import PASSWORD, SITE, Api, add_grant
from tests.portal.security_world import (
    GOOD_PASSPHRASE,
    add_person,
    audit_rows,
    database_url_of,
    login,
    run_cli,
)

ADDRESS = "198.51.100.7"


def _events(api: Api, **params: Any) -> list[dict[str, Any]]:
    answer = api.get(f"/api/v1/sites/{SITE}/audit", params=params)
    assert answer.status_code == 200, answer.text
    return answer.json()["events"]


def test_each_kind_of_event_is_audited(server: PortalServer, api: dict[str, Api]) -> None:
    engine, url = server.app.state.engine, database_url_of(server)
    member, deputy, head = api["thanhvien1"], api["phoban"], api["truongban"]
    add_person(engine, "duyet_bai", "Duyet Bai", SITE, Role.MEMBER)
    add_grant(engine, "duyet_bai", Step.APPROVE, categories=["tin-tuc"])
    delegate = Api(server.url, "duyet_bai").login()

    # logins from an address behind the (trusted, loopback) proxy; a failure; a logout
    assert (
        login(server.url, "thanhvien2", "sai mật khẩu", **{"X-Forwarded-For": ADDRESS}).status_code
        == 401
    )
    logged = login(server.url, "thanhvien2", **{"X-Forwarded-For": ADDRESS}).json()
    member.client.post("/api/v1/auth/logout", json={"refresh_token": logged["refresh_token"]})
    # token reuse (after the session moved on: a retry before that is a lost answer's retry)
    first = Api(server.url, "thanhvien2").login()
    renewed = member.client.post(
        "/api/v1/auth/refresh", json={"refresh_token": first.refresh_token}
    )
    bearer = {"Authorization": f"Bearer {renewed.json()['access_token']}"}
    assert member.client.get("/api/v1/me", headers=bearer).status_code == 200
    member.client.post("/api/v1/auth/refresh", json={"refresh_token": first.refresh_token})
    # password change, admin reset, role change
    assert (
        api["thanhvien2"]
        .post(
            "/api/v1/auth/password",
            json={"current_password": PASSWORD, "new_password": GOOD_PASSPHRASE},
        )
        .status_code
        == 204
    )
    assert run_cli(url, "user", "reset-password", "thanhvien2").code == 0
    assert (
        run_cli(
            url,
            "user",
            "set-role",
            "thanhvien2",
            "--site",
            SITE,
            "--role",
            "deputy",
            "--decision",
            "5/QĐ-UBND",
        ).code
        == 0
    )
    # a grant given and revoked over the API
    grant = head.post(
        f"/api/v1/sites/{SITE}/grants",
        json={"grantee": "thanhvien1", "step": "edit", "decision_ref": "6/QĐ-BBT"},
    )
    head.post(f"/api/v1/sites/{SITE}/grants/{grant.json()['id']}/revoke")
    # the workflow, the last step on the head's behalf
    item = member.create()
    item = member.act(item, "submit").json()
    item = deputy.act(item, "forward").json()
    item = delegate.act(item, "approve").json()
    assert item["state"] == "published"

    rows = audit_rows(engine)
    kinds = {(r["event"], r["outcome"]) for r in rows}
    for expected in [
        ("login", "ok"),
        ("login", "failed"),
        ("logout", "ok"),
        ("token_reuse", "refused"),
        ("password_change", "ok"),
        ("password_reset", "ok"),
        ("role", "ok"),
        ("grant", "ok"),
        ("grant_revoke", "ok"),
        ("item", "ok"),
    ]:
        assert expected in kinds, expected
    logins = [r for r in rows if r["event"] == "login" and r["actor"] == "thanhvien2"]
    assert [(r["outcome"], r["address"]) for r in logins[1:3]] == [
        ("failed", ADDRESS),
        ("ok", ADDRESS),
    ]
    steps = {r["action"]: r for r in rows if r["event"] == "item" and r["item_id"] == item["id"]}
    assert list(steps) == ["create", "submit", "forward", "approve"]
    assert steps["approve"]["actor"] == "duyet_bai"
    assert steps["approve"]["on_behalf_of"] == "truongban"
    assert steps["forward"]["actor"] == "phoban" and steps["forward"]["address"] == "127.0.0.1"
    assert steps["approve"]["site"] == SITE and steps["approve"]["at"] is not None
    # never a secret in the log
    text = repr(rows)
    for secret in (PASSWORD, GOOD_PASSPHRASE, "sai mật khẩu", first.refresh_token, member.token):
        assert secret not in text


def test_the_audit_log_is_for_the_head_and_the_admin(
    server: PortalServer, api: dict[str, Api]
) -> None:
    member = api["thanhvien1"]
    member.act(member.create(), "submit")
    for reader in ("truongban", "quantri"):
        events = _events(api[reader])
        assert any(e["event"] == "item" and e["action"] == "submit" for e in events)
        assert any(e["event"] == "login" and e["actor"] == "thanhvien1" for e in events)
    for outsider in ("thanhvien1", "thanhvien2", "phoban"):
        refused = api[outsider].get(f"/api/v1/sites/{SITE}/audit")
        assert refused.status_code == 403 and refused.json()["code"] == "forbidden"
    # paging: since a cursor, oldest first, never twice
    head = api["truongban"]
    first = head.get(f"/api/v1/sites/{SITE}/audit", params={"limit": 2}).json()
    rest = head.get(f"/api/v1/sites/{SITE}/audit", params={"since": first["cursor"]}).json()
    ids = [e["id"] for e in first["events"] + rest["events"]]
    assert first["has_more"] and ids == sorted(set(ids))
    assert ids == [e["id"] for e in _events(head)]
    # and on the command line
    shown = run_cli(database_url_of(server), "audit", "--site", SITE, "--limit", "3")
    assert shown.code == 0 and len(shown.out.splitlines()) == 3
    assert "submit" in shown.out


def test_an_admin_revokes_a_session(server: PortalServer, api: dict[str, Api]) -> None:
    admin, laptop = api["quantri"], api["truongban"]
    desk = Api(server.url, "truongban").login()  # a second session of the same person
    listed = admin.get("/api/v1/admin/sessions", params={"user": "truongban"})
    assert listed.status_code == 200
    sessions = listed.json()["sessions"]
    assert len(sessions) == 2 and all(s["active"] for s in sessions)
    assert {s["username"] for s in sessions} == {"truongban"}
    lost = next(
        s["family"] for s in sessions if s["started_at"] == min(x["started_at"] for x in sessions)
    )
    revoked = admin.post(f"/api/v1/admin/sessions/{lost}/revoke")
    assert revoked.status_code == 200 and revoked.json()["revoked"] is True
    # which of the two was it? the one whose tokens now fail
    gone, kept = (laptop, desk) if laptop.get("/api/v1/me").status_code == 401 else (desk, laptop)
    assert gone.get("/api/v1/me").status_code == 401  # the access token at once
    again = gone.client.post("/api/v1/auth/refresh", json={"refresh_token": gone.refresh_token})
    assert again.status_code == 401 and again.json()["code"] == "token_revoked"
    assert kept.get("/api/v1/me").status_code == 200
    assert (
        audit_rows(server.app.state.engine, event="sessions_revoked")[0]["subject"] == "truongban"
    )
    # members and other sites' administrators cannot
    assert api["thanhvien1"].get("/api/v1/admin/sessions").status_code == 403
    assert api["thanhvien1"].post(f"/api/v1/admin/sessions/{lost}/revoke").status_code == 403
    other = _other_sites_admin(server)
    kept_family = next(s["family"] for s in sessions if s["family"] != lost)
    assert other.post(f"/api/v1/admin/sessions/{kept_family}/revoke").status_code == 404
    assert (
        other.get("/api/v1/admin/sessions", params={"user": "truongban"}).json()["sessions"] == []
    )
    assert kept.get("/api/v1/me").status_code == 200


def test_revoke_every_session_on_the_command_line(
    server: PortalServer, api: dict[str, Api]
) -> None:
    member = api["thanhvien1"]
    second = Api(server.url, "thanhvien1").login()
    done = run_cli(database_url_of(server), "user", "revoke-sessions", "thanhvien1")
    assert done.code == 0 and done.out.startswith("2 ")
    for session in (member, second):
        assert session.get("/api/v1/me").status_code == 401
        refreshed = session.client.post(
            "/api/v1/auth/refresh", json={"refresh_token": session.refresh_token}
        )
        assert refreshed.status_code == 401
    assert api["thanhvien2"].get("/api/v1/me").status_code == 200  # others untouched
    assert Api(server.url, "thanhvien1").login().get("/api/v1/me").status_code == 200


def _other_sites_admin(server: PortalServer) -> Api:
    """The administrator of another site of the same portal, logged in."""
    with db.writing(server.app.state.engine) as conn:
        board.add_site(conn, "khac", "Huyện Khác")
    add_person(server.app.state.engine, "qt_khac", "Quan Tri Khac", "khac", Role.ADMIN)
    return Api(server.url, "qt_khac").login()
