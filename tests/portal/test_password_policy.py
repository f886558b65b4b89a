"""The password policy, through the API and the admin command line, on both databases."""

from __future__ import annotations

import pytest

from desktop.models import Role
from desktop.models.passwords import MIN_LENGTH, PasswordContext, policy_problems
from portal import db
from portal.board import directory as board
from portal.server import PortalServer
from tests.portal.conftest import PASSWORD, SITE, Api
from tests.portal.security_world import (
    GOOD_PASSPHRASE,
    add_person,
    audit_rows,
    database_url_of,
    login,
    run_cli,
)

#: (new password, the reason it is refused) for Trần Thị Hồng Nhung (``hongnhung``) on the test
#: site "Sở Thử nghiệm", in the province An Giang.
REFUSED = [
    ("ngắn quá", "too_short"),
    ("mười bốn ký tự", "too_short"),  # 14 characters
    ("matkhau123456789", "common"),
    ("123456789012345", "common"),
    ("passwordpassword", "common"),
    ("bien-tap-demo-2026", "common"),
    ("Password1234567!", "common"),  # breached-looking: a word, a run of digits, a symbol
    ("anhyeuem2026anhyeuem", "common"),
    ("qwertyuiopasdfgh", "common"),
    ("abcabcabcabcabcabc", "common"),
    ("hongnhung đi làm rất sớm mỗi ngày", "contains_name"),
    ("Nhung thích đọc sách buổi sáng", "contains_name"),
    ("trời mưa, trần nhà dột khắp nơi", "contains_name"),  # "trần", a part of the name
    ("sở thử nghiệm mùa xuân tươi đẹp", "contains_site"),
    ("hoa sen nở giữa hồ an giang", "contains_site"),
]


@pytest.fixture
def nhung(server: PortalServer) -> Api:
    engine = server.app.state.engine
    add_person(engine, "hongnhung", "Trần Thị Hồng Nhung", SITE, Role.MEMBER)
    with db.writing(engine) as conn:
        board.set_setting(conn, "province", "An Giang")
    return Api(server.url, "hongnhung").login()


def _change(api: Api, current: str, new: str) -> tuple[int, set[str]]:
    answer = api.post(
        "/api/v1/auth/password", json={"current_password": current, "new_password": new}
    )
    codes = {e["code"] for e in answer.json().get("errors", [])} if answer.content else set()
    if answer.status_code == 422:
        assert answer.json()["code"] == "weak_password"
        assert all(e["vi"] and e["en"] for e in answer.json()["errors"])
    return answer.status_code, codes


def test_the_policy_table_through_the_api(server: PortalServer, nhung: Api) -> None:
    for password, reason in REFUSED:
        status, codes = _change(nhung, PASSWORD, password)
        assert status == 422 and reason in codes, (password, codes)
    # none of them took: the old password still logs in, and the refusals are audited
    assert login(server.url, "hongnhung").status_code == 200
    refused = audit_rows(server.app.state.engine, event="password_change", outcome="refused")
    assert len(refused) == len(REFUSED)
    assert _change(nhung, PASSWORD, GOOD_PASSPHRASE) == (204, set())
    assert login(server.url, "hongnhung", GOOD_PASSPHRASE).status_code == 200


def test_none_of_the_last_five_passwords_again(server: PortalServer, nhung: Api) -> None:
    birds = ("chích chòe", "họa mi", "sơn ca", "vành khuyên", "khướu bạc", "chim sáo")
    history = [f"{bird} là loài chim hót hay nhất vùng" for bird in birds]
    current = PASSWORD
    for password in history:
        assert _change(nhung, current, password) == (204, set()), password
        current = password
    for old in history[1:]:  # each of the last five, the current one included
        status, codes = _change(nhung, current, old)
        assert (status, codes) == (422, {"reused"}), old
    # the sixth back has left the history
    assert _change(nhung, current, history[0]) == (204, set())


def test_the_policy_on_the_command_line(server: PortalServer) -> None:
    url = database_url_of(server)
    with db.writing(server.app.state.engine) as conn:
        board.set_setting(conn, "province", "An Giang")
    weak = run_cli(
        url,
        "user",
        "add",
        "levantam",
        "--name",
        "Lê Văn Tám",
        "--password-stdin",
        stdin="Lê Văn Tám đã biết đi xe đạp từ bé\n",
    )
    assert weak.code == 1 and "name" in weak.err and "levantam" not in _usernames(server)
    for password, reason in REFUSED[:10]:
        refused = run_cli(
            url,
            "user",
            "add",
            "levantam",
            "--name",
            "Lê Văn Tám",
            "--password-stdin",
            stdin=password + "\n",
        )
        assert refused.code == 1, (password, reason)
    made = run_cli(
        url,
        "user",
        "add",
        "levantam",
        "--name",
        "Lê Văn Tám",
        "--password-stdin",
        stdin=GOOD_PASSPHRASE + "\n",
    )
    assert made.code == 0, made.err
    assert login(server.url, "levantam", GOOD_PASSPHRASE).status_code == 200
    # an administrator's reset with a typed password obeys the policy, history included
    reused = run_cli(
        url, "user", "reset-password", "levantam", "--password-stdin", stdin=GOOD_PASSPHRASE + "\n"
    )
    assert reused.code == 1 and "last 5" in reused.err
    generated = run_cli(url, "user", "reset-password", "levantam")
    assert generated.code == 0 and "levantam" in generated.out


def test_the_minimum_length_goes_up_never_down(server: PortalServer, nhung: Api) -> None:
    url = database_url_of(server)
    lower = run_cli(url, "site", "settings", SITE, "--min-password-length", "12")
    assert lower.code == 1 and "second factor" in lower.err and "hai yếu tố" in lower.err
    higher = run_cli(url, "site", "settings", SITE, "--min-password-length", "40")
    assert higher.code == 0 and "min_password_length\t40" in higher.out
    status, codes = _change(nhung, PASSWORD, GOOD_PASSPHRASE)  # 32 characters
    assert status == 422 and codes == {"too_short"}


def test_the_pure_policy_needs_no_database() -> None:
    context = PasswordContext("thanhvien1", "Nguyễn Văn An", (("so", "Sở Tư pháp"),), "An Giang")
    assert policy_problems(GOOD_PASSPHRASE, context) == []
    assert [p.code for p in policy_problems("a" * (MIN_LENGTH - 1), context)] == [
        "too_short",
        "common",
    ]
    assert {p.code for p in policy_problems("Nguyễn Văn An thích hoa sen", context)} == {
        "contains_name"
    }


def _usernames(server: PortalServer) -> set[str]:
    from sqlalchemy import select

    with db.reading(server.app.state.engine) as conn:
        return set(conn.execute(select(db.users.c.username)).scalars())
