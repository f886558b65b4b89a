"""``portal-server`` admin commands on a temporary database, and the demo portal."""

from __future__ import annotations

import io
import uuid
from pathlib import Path

import httpx
import pytest

from portal import db
from portal.board import directory as board
from portal.cli import main
from portal.server import PortalServer
from tests.portal.conftest import Api

LONG = "một mật khẩu đủ dài để dùng 2026"


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_admin_commands(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    url = f"sqlite:///{tmp_path / 'admin.sqlite3'}"
    d = ["--database", url]
    q = ["--decision", "15/QĐ-UBND"]  # AG-10.1: roles cite their decision
    assert _run(capsys, "site", "add", "so-gd", "Sở Giáo dục", *d)[0] == 0
    code, out, _ = _run(capsys, "user", "add", "truong", "--name", "Trần Văn Trưởng", *d)
    assert code == 0 and "truong" in out
    generated = out.strip().rsplit(" ", 1)[-1]
    assert len(generated) >= 15
    monkeypatch.setattr("sys.stdin", io.StringIO(LONG + "\n"))
    assert (
        _run(capsys, "user", "add", "bientap", "--name", "Lê Thị Biên", "--password-stdin", *d)[0]
        == 0
    )
    assert (
        _run(capsys, "user", "set-role", "truong", "--site", "so-gd", "--role", "head", *q, *d)[0]
        == 0
    )
    assert (
        _run(capsys, "user", "set-role", "bientap", "--site", "so-gd", "--role", "member", *q, *d)[
            0
        ]
        == 0
    )
    code, _, _ = _run(
        capsys,
        "category",
        "add",
        "--site",
        "so-gd",
        "van-ban",
        "Văn bản",
        "--kind",
        "legal",
        "--unit",
        "Văn phòng",
        "--deadline-days",
        "2",
        "--deadline-from",
        "issue_date",
        *d,
    )
    assert code == 0
    code, out, _ = _run(
        capsys,
        "grant",
        "add",
        "--site",
        "so-gd",
        "--to",
        "bientap",
        "--step",
        "edit",
        "--category",
        "van-ban",
        "--from",
        "2026-01-01",
        "--until",
        "2026-12-31",
        "--decision",
        "QĐ 1/QĐ-BBT",
        *d,
    )
    assert code == 0
    grant_id = out.strip()
    code, out, _ = _run(capsys, "grant", "list", "--site", "so-gd", *d)
    assert grant_id in out and "bientap" in out and "truong" in out and "active" in out
    assert _run(capsys, "grant", "revoke", grant_id, *d)[0] == 0
    assert "revoked" in _run(capsys, "grant", "list", "--site", "so-gd", *d)[1]

    code, out, _ = _run(capsys, "user", "reset-password", "bientap", *d)
    assert code == 0
    new_password = out.strip().rsplit(" ", 1)[-1]

    engine = db.make_engine(url)
    with db.reading(engine) as conn:
        user = board.load_user(conn, "bientap")
        row = board.user_row(conn, "bientap")
        [cat] = board.list_categories(conn, "so-gd")
    engine.dispose()
    assert {r.value for r in user.roles_on("so-gd")} == {"member"}
    assert row.must_change_password
    assert cat.deadline is not None and cat.deadline.days == 2
    with PortalServer(url) as server:
        Api(server.url, "bientap").login(new_password)
        Api(server.url, "truong").login(generated)

    # failures: one clear line, exit 1; usage errors exit 2
    code, _, err = _run(capsys, "site", "add", "so-gd", "Trùng", *d)
    assert code == 1 and err.count("\n") == 1 and "already exists" in err
    code, _, err = _run(
        capsys, "user", "set-role", "khong-co", "--site", "so-gd", "--role", "head", *q, *d
    )
    assert code == 1 and "khong-co" in err
    monkeypatch.setattr("sys.stdin", io.StringIO("ngan\n"))
    assert _run(capsys, "user", "add", "yeu", "--name", "Yếu", "--password-stdin", *d)[0] == 1
    assert (
        _run(capsys, "user", "set-role", "truong", "--site", "so-gd", "--role", "boss", *d)[0] == 2
    )
    assert (
        _run(
            capsys,
            "grant",
            "add",
            "--site",
            "so-gd",
            "--to",
            "bientap",
            "--step",
            "edit",
            "--from",
            "hôm nay",
            *d,
        )[0]
        == 2
    )
    assert _run(capsys)[0] == 2
    assert _run(capsys, "serve", "--demo", "--host", "0.0.0.0", *d)[0] == 2


def test_demo_portal_takes_an_item_to_the_public_page(tmp_path: Path) -> None:
    from portal.demo.content import DEMO_PASSWORD

    with PortalServer(f"sqlite:///{tmp_path / 'demo.sqlite3'}", demo=True) as server:
        member, deputy, head = (
            Api(server.url, name).login(DEMO_PASSWORD)
            for name in ("thanhvien1", "phoban", "truongban")
        )
        assert Api(server.url, "quantri").login(DEMO_PASSWORD).token
        public = httpx.get(server.url + "/")
        assert public.status_code == 200 and '<html lang="vi">' in public.text
        categories = member.get("/api/v1/sites/demo/categories").json()["categories"]
        assert len(categories) >= 10
        states = {c["item"]["state"] for c in head.changes() if c["kind"] == "item"}
        assert {"submitted", "edited", "published", "rejected", "taken_down"} <= states

        item = member.create(
            str(uuid.uuid4()),
            site="demo",
            category=categories[0]["id"],
            title="Tin thử nghiệm từ bản trình diễn",
        )
        item = member.act(item, "submit").json()
        item = deputy.act(item, "forward").json()
        item = head.act(item, "approve").json()
        assert item["state"] == "published", item
        page = httpx.get(f"{server.url}/items/{item['slug']}")
        assert page.status_code == 200 and "Tin thử nghiệm từ bản trình diễn" in page.text


def test_migrate_site_list_and_workers_need_postgresql(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from sqlalchemy import create_engine

    from portal.db import schema
    from tests.portal import first_schema

    url = f"sqlite:///{tmp_path / 'old.sqlite3'}"
    old = create_engine(url)
    first_schema.metadata.create_all(old)  # a database from before migrations
    old.dispose()
    code, out, _ = _run(capsys, "migrate", "--database", url)
    assert code == 0 and out.strip() == f"schema 0001 → {schema.head_revision()}"
    code, out, _ = _run(capsys, "migrate", "--database", url)
    assert code == 0 and "up to date" in out
    assert _run(capsys, "site", "add", "so", "Sở", "--database", url)[0] == 0
    assert _run(capsys, "site", "add", "phuong", "Phường", "--database", url)[0] == 0
    assert _run(capsys, "site", "default", "phuong", "--database", url)[0] == 0
    code, out, _ = _run(capsys, "site", "list", "--database", url)
    assert out.splitlines() == ["phuong\tPhường\t(default)", "so\tSở"]
    code, _, err = _run(capsys, "site", "default", "khong-co", "--database", url)
    assert code == 1 and "khong-co" in err
    code, _, err = _run(capsys, "serve", "--workers", "2", "--database", url)
    assert code == 2 and "PostgreSQL" in err
