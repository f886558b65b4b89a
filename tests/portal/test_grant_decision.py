"""AG-10.1: grants and role assignments record the decision that designates the official; the
portal refuses them without its number (API: 422 problem ``decision_required``; CLI: exit 1 with
the sentence in Vietnamese and English). Issue 19."""

from __future__ import annotations

from typing import Any

from portal import db
from portal.board import directory as board
from tests.portal.conftest import SITE, Api
from tests.portal.security_world import database_url_of, run_cli


def test_the_api_refuses_a_grant_without_its_decision(server: Any) -> None:
    head = Api(server.url, "truongban").login()
    path = f"/api/v1/sites/{SITE}/grants"
    for body in (
        {"grantee": "thanhvien1", "step": "edit"},
        {"grantee": "thanhvien1", "step": "edit", "decision_ref": "   "},
    ):
        answer = head.post(path, json=body)
        assert answer.status_code == 422, answer.text
        assert answer.headers["content-type"].startswith("application/problem+json")
        problem = answer.json()
        assert problem["code"] == "decision_required"
        (error,) = problem["errors"]
        assert error["field"] == "decision_ref" and "số quyết định" in error["vi"]
    with db.reading(server.app.state.engine) as conn:
        assert board.list_grants(conn, site=SITE) == []
    given = head.post(
        path, json={"grantee": "thanhvien1", "step": "edit", "decision_ref": "12/QĐ-BBT"}
    )
    assert given.status_code == 201, given.text
    assert given.json()["decision_ref"] == "12/QĐ-BBT"


def test_the_cli_refuses_grants_and_roles_without_their_decision(server: Any) -> None:
    url = database_url_of(server)
    grant = ("grant", "add", "--site", SITE, "--to", "thanhvien1", "--step", "edit")
    refused = run_cli(url, *grant, "--from", "2026-01-01")
    assert refused.code == 1 and "Traceback" not in refused.err
    assert "số quyết định" in refused.err and "decision" in refused.err
    assert run_cli(url, *grant, "--from", "2026-01-01", "--decision", "3/QĐ-BBT").code == 0

    role = ("user", "set-role", "thanhvien2", "--site", SITE, "--role", "deputy")
    refused = run_cli(url, *role)
    assert refused.code == 1 and "số quyết định" in refused.err
    with db.reading(server.app.state.engine) as conn:
        before = {m["username"]: m for m in board.members(conn, SITE)}
    assert "deputy" not in before["thanhvien2"]["roles"]
    assert run_cli(url, *role, "--decision", "4/QĐ-UBND").code == 0
    with db.reading(server.app.state.engine) as conn:
        after = {m["username"]: m for m in board.members(conn, SITE)}
    assert "deputy" in after["thanhvien2"]["roles"]
    assert after["thanhvien2"]["decisions"]["deputy"] == "4/QĐ-UBND"
    # taking a role away needs no decision
    assert run_cli(url, *role, "--remove").code == 0
