"""The faults a new user met (issue 14), in the configuration users run: ``portal-desk`` as a
subprocess, the store encrypted as shipped, the session in a real Secret Service
(gnome-keyring), a real portal on loopback. Each failed before the application layer."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from portal.cli import main as portal_main
from tests.helpers.keychain import SecretService
from tests.helpers.portal import PASSWORD, running_portal

LEGAL_WITHOUT_FILE = """---
title: Quyết định ban hành quy chế phối hợp
category: van-ban-phap-luat
metadata:
  document_type: quyet_dinh
  number: 15/2026/QĐ-UBND
  issuer: Ủy ban nhân dân tỉnh
  issue_date: 2026-11-30
  abstract: Ban hành quy chế phối hợp.
---
Toàn văn quyết định.
"""

UNQUOTED_DATE = """---
title: Lịch tiếp công dân tháng 12
category: tin-tuc
metadata:
  ngay: 2026-12-15
---
Lịch tiếp công dân.
"""


@pytest.fixture
def portal(tmp_path: Path) -> Iterator[Any]:
    with running_portal(tmp_path) as server:
        yield server


@pytest.fixture
def keychain(tmp_path: Path) -> Iterator[SecretService]:
    with SecretService(tmp_path) as session:
        yield session


def login(keychain: SecretService, url: str, user: str = "thanhvien1") -> None:
    done = keychain.run(
        "login", "--server", url, "--user", user, "--password-stdin", stdin=PASSWORD + "\n"
    )
    assert done.returncode == 0, done.stderr
    assert "kho khóa" not in done.stderr  # no "memory only" warning: the real keychain kept it


def new_item(keychain: SecretService, folder: Path, text: str) -> str:
    path = folder / "tin.md"
    path.write_text(text, "utf-8")
    done = keychain.run("items", "new", "--file", str(path), "-q")
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def no_traceback(done: Any) -> None:
    assert "Traceback" not in done.stderr and "Traceback" not in done.stdout, done.stderr


def test_a_submit_the_portal_would_refuse_is_refused_at_once(
    keychain: SecretService, portal: Any, tmp_path: Path
) -> None:
    """Used to say "queued" and exit 0; the portal then refused it at every sync, silently."""
    login(keychain, portal.url)
    item_id = new_item(keychain, tmp_path, LEGAL_WITHOUT_FILE)
    done = keychain.run("items", "act", item_id[:8], "submit")
    no_traceback(done)
    assert done.returncode == 1, done.stdout
    assert "tệp văn bản" in done.stderr  # the section's missing field, named
    status = json.loads(keychain.run("status", "--json").stdout)
    assert status["pending"] == 1  # the draft's creation only: nothing else was queued
    english = keychain.run("--lang", "en", "items", "act", item_id[:8], "submit")
    assert english.returncode == 1 and "document file" in english.stderr.lower()


def test_dates_in_the_front_matter_are_kept(
    keychain: SecretService, portal: Any, tmp_path: Path
) -> None:
    """``ngay: 2026-12-15`` unquoted used to end in "date is not JSON serializable"."""
    login(keychain, portal.url)
    item_id = new_item(keychain, tmp_path, UNQUOTED_DATE)
    shown = json.loads(keychain.run("items", "show", item_id, "--json").stdout)
    assert shown["metadata"] == {"ngay": "2026-12-15"}
    assert keychain.run("sync").returncode == 0


def test_the_publish_queue_opens_the_encrypted_store(keychain: SecretService, portal: Any) -> None:
    """Used to end in a traceback: StoreKeyMismatch, the store opened without its key."""
    login(keychain, portal.url, "truongban")
    listed = keychain.run("publish-queue", "--json")
    no_traceback(listed)
    assert listed.returncode == 0 and json.loads(listed.stdout) == []
    plain = keychain.run("publish-queue")
    assert plain.returncode == 0 and "trống" in plain.stdout


def test_a_refusal_at_sync_is_told_and_exits_1(
    keychain: SecretService, portal: Any, tmp_path: Path
) -> None:
    """A draft written while the author was taken off the board: the portal refuses its
    creation; the sync says why and exits 1 (it used to exit 0 and say nothing)."""
    login(keychain, portal.url)
    item_id = new_item(keychain, tmp_path, UNQUOTED_DATE)
    database = f"sqlite:///{tmp_path / 'portal.db'}"
    role = ["--site", "demo", "--role", "member", "--remove"]
    removed = portal_main(["user", "set-role", "thanhvien1", *role, "--database", database])
    assert removed == 0
    done = keychain.run("sync")
    no_traceback(done)
    assert done.returncode == 1, (done.stdout, done.stderr)
    assert item_id[:8] in done.stderr and "bản nháp mới" in done.stderr
    status = json.loads(keychain.run("status", "--json").stdout)
    assert status["failed"] == 1 and status["pending"] == 0  # parked with its reason, kept
    shown = json.loads(keychain.run("items", "show", item_id, "--json").stdout)
    assert shown["sync_status"] == "failed" and shown["title"] == "Lịch tiếp công dân tháng 12"


def test_a_new_grant_reaches_the_next_sync(
    keychain: SecretService, portal: Any, tmp_path: Path
) -> None:
    """The CLI refreshed grants at most hourly: a grant given now was ignored until later."""
    login(keychain, portal.url, "thanhvien1")
    assert keychain.run("sync").returncode == 0
    submitted = [
        row
        for row in json.loads(
            keychain.run("items", "list", "--state", "submitted", "--json").stdout
        )
        if row["category"] == "tin-tuc"
    ]
    assert submitted, "the demo has a submitted news item"
    item = submitted[0]["id"][:8]
    refused = keychain.run("items", "act", item, "forward")
    assert refused.returncode == 1 and "quyền" in refused.stderr  # no right to step 2 yet
    grant = ["--site", "demo", "--to", "thanhvien1", "--step", "edit", "--category", "tin-tuc"]
    given = ["--from", "2026-01-01", "--by", "truongban", "--decision", "Quyết định số 7/QĐ-BBT"]
    database = ["--database", f"sqlite:///{tmp_path / 'portal.db'}"]
    assert portal_main(["grant", "add", *grant, *given, *database]) == 0
    assert keychain.run("sync").returncode == 0  # no hour to wait: the directory moved
    allowed = keychain.run("items", "act", item, "forward")
    assert allowed.returncode == 0, allowed.stderr


def test_the_data_folder_is_the_persons_alone(
    keychain: SecretService, portal: Any, tmp_path: Path
) -> None:
    """Issue 15, finding 10: profiles.json, store.key.json and the store were 0644."""
    login(keychain, portal.url)
    new_item(keychain, tmp_path, UNQUOTED_DATE)
    assert keychain.run("sync").returncode == 0
    data = keychain.home / "data"
    found = {p.relative_to(data): p.stat().st_mode & 0o777 for p in [data, *data.rglob("*")]}
    names = {p.name for p in found}
    assert {"profiles.json", "store.sqlite3", "store.key.json"} <= names
    wrong = {
        str(path): oct(mode)
        for path, mode in found.items()
        if mode != (0o700 if (data / path).is_dir() else 0o600)
    }
    assert wrong == {}


def test_a_store_made_before_the_rule_becomes_private(tmp_path: Path) -> None:
    from desktop.store import Store

    path, wal = tmp_path / "store.sqlite3", tmp_path / "store.sqlite3-wal"
    with Store.open(path) as first:
        first.set_meta("note", "a write, so that the WAL exists")
        path.chmod(0o644)
        wal.chmod(0o644)
        Store.open(path).close()  # the next open makes them private
        assert path.stat().st_mode & 0o777 == 0o600
        assert wal.stat().st_mode & 0o777 == 0o600
