"""A normal ``portal-desk sync`` brings the histories the report and the exports need (issue 19):
the take-down with its date and reason, the return; the exported PDF prints the whole trail in
the site's time zone, not the machine's. ``portal-desk`` runs as a subprocess with the real
keychain against a real portal on loopback; the history is made on the portal at fixed times.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from desktop.models import Step
from portal import db
from portal.board import directory as board
from portal.board import service
from tests.helpers.keychain import SecretService
from tests.helpers.portal import PASSWORD, running_portal

ITEM = "lich-su-go-bo-2026"
REASON = "Chính sách đã được thay thế bằng Quyết định 20/2026/QĐ-UBND"
RETURNED = "Bổ sung nguồn tin và tác giả"


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def make_history(engine: Any) -> None:
    """Created, submitted, returned, submitted again, forwarded by a delegate on behalf of the
    deputy, approved, taken down: every step at a known UTC time in 2026."""
    with db.writing(engine) as conn:
        board.add_grant(
            conn,
            site="demo",
            grantee="thanhvien2",
            step=Step.EDIT,
            granted_by="phoban",
            valid_from=at("2026-01-01T00:00:00"),
            decision_ref="12/QĐ-BBT",
        )
    steps = [
        ("thanhvien1", "submit", "2026-03-02T02:00:00", ""),
        ("phoban", "return", "2026-03-02T03:00:00", RETURNED),
        ("thanhvien1", "submit", "2026-03-02T04:00:00", ""),
        ("thanhvien2", "forward", "2026-03-02T05:00:00", "Đã biên tập lại tiêu đề"),
        ("truongban", "approve", "2026-03-02T06:30:00", ""),
        ("truongban", "take_down", "2026-05-10T03:00:00", REASON),
    ]
    with db.writing(engine) as conn:
        author = board.load_user(conn, "thanhvien1")
        fields = {
            "category": "tin-tuc",
            "title": "Hướng dẫn hỗ trợ doanh nghiệp năm 2026",
            "summary": "Hướng dẫn thực hiện chính sách hỗ trợ.",
            "body": "Nội dung hướng dẫn.",
            "author": "Minh Anh",
        }
        service.create_item(conn, author, ITEM, "demo", fields, at("2026-03-02T01:00:00"))
    for actor, action, moment, comment in steps:
        with db.writing(engine) as conn:
            user = board.load_user(conn, actor)
            service.do_action(conn, user, ITEM, action, at(moment), comment=comment)


@pytest.fixture
def portal(tmp_path: Path) -> Iterator[Any]:
    with running_portal(tmp_path) as server:
        make_history(server.app.state.engine)
        yield server


@pytest.fixture
def keychain(tmp_path: Path) -> Iterator[SecretService]:
    with SecretService(tmp_path) as session:
        session.env["TZ"] = "America/New_York"  # the machine's zone must not show
        yield session


def test_a_cli_sync_brings_take_downs_returns_and_the_whole_trail(
    keychain: SecretService, portal: Any, tmp_path: Path
) -> None:
    done = keychain.run(
        "login", "--server", portal.url, "--user", "truongban", "--password-stdin",
        stdin=PASSWORD + "\n",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    done = keychain.run("sync", "--json")
    assert done.returncode == 0, done.stderr
    assert '"histories"' in done.stdout

    # The report: the take-down with its day (Vietnam) and reason, the return counted.
    out = tmp_path / "so-lieu.csv"
    done = keychain.run("report", "--year", "2026", "--format", "csv", "--out", str(out))
    assert done.returncode == 0, done.stderr
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    downs = [r for r in rows if r["group"] == "take_down" and r["key"] == ITEM]
    assert downs and downs[0]["metric"] == "2026-05-10" and downs[0]["value"] == REASON
    returned = {(r["key"], r["metric"]): r["value"] for r in rows if r["group"] == "category"}
    assert int(returned[("tin-tuc", "returned")]) >= 1
    assert int(returned[("tin-tuc", "taken_down")]) >= 1

    # The export: every step, actor, on whose behalf, the site's time, comments, the reason.
    pdf = tmp_path / "go-bo.pdf"
    done = keychain.run("export", ITEM[:12], "--format", "pdf", "--out", str(pdf))
    assert done.returncode == 0, done.stderr
    text = " ".join("".join(p.extract_text() for p in PdfReader(str(pdf)).pages).split())
    assert "Lý do gỡ bỏ" in text and REASON in text
    for step in ("Tạo tin", "Gửi biên tập", "Trả lại", "Biên tập, chuyển duyệt", "Duyệt đăng"):
        assert step in text, step
    assert text.count("Gửi biên tập") == 2  # both passes, not the last one only
    assert RETURNED in text and "Đã biên tập lại tiêu đề" in text
    assert "Gỡ bỏ" in text and "thanhvien2" in text and "phoban" in text
    # 02:00 UTC is 09:00 in Vietnam; New York's 21:00 the day before must not appear.
    assert "02/03/2026 09:00" in text and "10/05/2026 10:00" in text
    assert "01/03/2026 21:00" not in text and "giờ Việt Nam" in text
