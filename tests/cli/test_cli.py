"""``portal-desk`` end to end against a real portal: login, new, sync, act, status --json."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from desktop import cli
from desktop.security.credentials import CredentialStore
from tests.helpers.cli import Run
from tests.helpers.keyrings import MemoryKeyring

PASSWORD = "bien-tap-demo-2026"


@pytest.fixture
def keyring_backend(monkeypatch: pytest.MonkeyPatch) -> MemoryKeyring:
    backend = MemoryKeyring()
    monkeypatch.setattr(cli, "make_credential_store", lambda: CredentialStore(backend=backend))
    return backend


@pytest.fixture
def run(tmp_path: Path, capsys: Any, monkeypatch: pytest.MonkeyPatch, keyring_backend: Any) -> Run:
    return Run(tmp_path / "data", capsys, monkeypatch)


def write(path: Path, text: str) -> str:
    path.write_text(text, "utf-8")
    return str(path)


def test_offline_round_trip(run: Run, portal: Any, tmp_path: Path, keyring_backend: Any) -> None:
    assert run("status")[0] == cli.NOT_LOGGED_IN
    code, _, err = run(
        "login",
        "--server",
        portal.url,
        "--user",
        "thanhvien1",
        "--password-stdin",
        stdin="wrong password\n",
    )
    assert code == cli.NOT_LOGGED_IN
    code, out, err = run(
        "login",
        "--server",
        portal.url,
        "--user",
        "thanhvien1",
        "--password-stdin",
        stdin=PASSWORD + "\n",
    )
    assert code == 0, err
    # Nothing secret on disk: no account name in profiles.json, in file names or in the store.
    for path in (tmp_path / "data").rglob("*"):
        assert "thanhvien1" not in path.name
    assert "thanhvien1" not in (tmp_path / "data" / "profiles.json").read_text("utf-8")
    # One session entry (+ the store key's entry), named by the random profile id only.
    [(service, entry_name)] = [
        e for e in keyring_backend.entries if not e[1].endswith("/store-key")
    ]
    assert service == "ban-bien-tap" and "thanhvien1" not in entry_name
    assert all("thanhvien1" not in name for _service, name in keyring_backend.entries)
    for path in (tmp_path / "data").rglob("*.sqlite3*"):
        assert b"refresh_token" not in path.read_bytes()

    draft = write(
        tmp_path / "a.md",
        "---\ntitle: Hội nghị tổng kết\ncategory: tin-tuc\n"
        "source: {name: Văn phòng, url: 'https://example.org/a'}\n"
        "metadata: {so_hieu: 12/QĐ}\n---\nNội dung **chính**.\n",
    )
    code, out, err = run("items", "new", "--file", draft, "--quiet")
    assert code == 0, err
    item_id = out.strip()
    status = run.json("status")
    assert status["pending"] == 1 and status["conflicts"] == 0 and "online" in status
    shown = run.json("items", "show", item_id[:8])
    assert shown["title"] == "Hội nghị tổng kết" and shown["sync_status"] == "local"
    assert shown["metadata"] == {"so_hieu": "12/QĐ"} and shown["version"] == 0

    code, out, err = run("items", "act", item_id[:8], "approve")
    assert code == cli.ERROR and "not allowed" in err.lower()
    assert run("items", "act", item_id[:8], "submit")[0] == 0
    sync = run.json("sync")
    assert sync["pushed"] == 2 and sync["online"]
    listed = run.json("items", "list", "--state", "submitted")
    [mine] = [row for row in listed if row["id"] == item_id]
    assert {"id", "title", "category", "state", "version"} <= set(mine)
    assert all(row["state"] == "submitted" for row in listed)
    status = run.json("status")
    assert status == {**status, "pending": 0, "conflicts": 0, "failed": 0, "online": True}
    assert status["last_sync"]
    assert run("logout")[0] == 0
    assert run("sync")[0] == cli.NOT_LOGGED_IN


def test_bad_front_matter_queues_nothing(run: Run, portal: Any, tmp_path: Path) -> None:
    run(
        "login",
        "--server",
        portal.url,
        "--user",
        "thanhvien1",
        "--password-stdin",
        stdin=PASSWORD + "\n",
    )
    for text, key in [
        ("---\ntitle: x\ncolour: red\n---\nbody", "colour"),
        ("---\ntitle: x\nmetadata: [1, 2]\n---\nbody", "metadata"),
        ("---\ntitle: x\nlanguage: xx\n---\nbody", "language"),
        ("---\ntitle: x\ntrigger_date: someday\n---\nbody", "trigger_date"),
        ("---\ntitle: [unclosed\n---\nbody", "front matter"),
    ]:
        code, _, err = run("items", "new", "--file", write(tmp_path / "bad.md", text))
        assert code == cli.ERROR and key in err, (text, err)
    assert run.json("status")["pending"] == 0


def test_offline_sync_exits_3_and_keeps_the_queue(run: Run, portal: Any, tmp_path: Path) -> None:
    run(
        "login",
        "--server",
        portal.url,
        "--user",
        "thanhvien1",
        "--password-stdin",
        stdin=PASSWORD + "\n",
    )
    run("items", "new", "--file", write(tmp_path / "a.md", "---\ncategory: tin-tuc\n---\nx\n"))
    portal.stop()
    code, _, err = run("sync")
    assert code == cli.OFFLINE and err
    status = run.json("status")
    assert status["online"] is False and status["pending"] == 1


def test_conflict_commands(run: Run, portal: Any, tmp_path: Path) -> None:
    import asyncio

    from tests.helpers.portal import Desk

    run(
        "login",
        "--server",
        portal.url,
        "--user",
        "thanhvien1",
        "--password-stdin",
        stdin=PASSWORD + "\n",
    )
    _, out, _ = run(
        "items",
        "new",
        "-q",
        "--file",
        write(tmp_path / "a.md", "---\ncategory: tin-tuc\ntitle: T\n---\na\nb\n"),
    )
    item_id = out.strip()
    run("sync")

    async def other_edit() -> None:  # the same author on another computer
        other = await Desk(tmp_path / "other.sqlite3", portal.url, "thanhvien1").login()
        await other.sync()
        other.store.save_working(item_id, body="a\nB khác\n")
        assert (await other.sync()).pushed == 1
        await other.close()

    asyncio.run(other_edit())
    run("items", "edit", item_id, "--file", write(tmp_path / "b.md", "a\nB của tôi\n"))
    code, _out, _err = run("sync")
    assert code == cli.CONFLICTS
    [conflict] = run.json("conflicts", "list")
    assert conflict["fields"] == ["body"] and conflict["theirs"]["body"] == "a\nB khác\n"
    code, out, _ = run("conflicts", "show", str(conflict["id"]))
    assert "B khác" in out and "B của tôi" in out
    assert run("conflicts", "resolve", item_id[:6], "--keep", "theirs")[0] == 0
    assert run("sync")[0] == 0
    assert run.json("items", "show", item_id)["body"] == "a\nB khác\n"


def test_headless_commands_do_not_import_qt(tmp_path: Path) -> None:
    code = (
        "import sys; from desktop.cli import main; "
        "rc = main(['--data-dir', sys.argv[1], 'status']); "
        "assert not any(m.startswith('PySide6') for m in sys.modules), 'Qt imported'; "
        "sys.exit(rc)"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path)],
        env=env,
        check=False,
        capture_output=True,
        text=True,
    )
    assert done.returncode == cli.NOT_LOGGED_IN, done.stderr
    assert "portal-desk login" in done.stderr


def test_usage_errors_exit_2(run: Run) -> None:
    assert run("items", "frobnicate")[0] == cli.USAGE
    assert run("--version")[0] == 0


def test_without_a_keychain_sync_logs_in_for_the_run(
    run: Run, portal: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from keyring.backends import null

    monkeypatch.setattr(
        cli, "make_credential_store", lambda: CredentialStore(backend=null.Keyring())
    )
    login = ("login", "--server", portal.url, "--user", "thanhvien1", "--password-stdin")
    code, _, err = run(*login, stdin=PASSWORD + "\n")
    assert code == 0 and "keychain" in err.lower()
    assert run("sync")[0] == cli.NOT_LOGGED_IN  # the session was for that run only
    code, _, err = run("sync", "--password-stdin", stdin=PASSWORD + "\n")
    assert code == 0, err
    assert any(row["state"] == "published" for row in run.json("items", "list"))
    assert run("sync", "--password-stdin", stdin="sai mật khẩu\n")[0] == cli.NOT_LOGGED_IN
