"""After login, sync, editing and logout, no file holds a secret or a draft's text in clear.

Scans the data folder (profiles, the encrypted store, its WAL and -shm, the key header), HOME
with its XDG folders (settings), TMPDIR, and a log file that recorded everything at DEBUG.
"""

from __future__ import annotations

import io
import json
import logging
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from desktop import cli
from desktop.security.credentials import CredentialStore
from desktop.store.base import forget_key
from tests.helpers.portal import running_portal
from tests.security.helpers import MemoryKeyring, files_containing

PASSWORD = "bien-tap-demo-2026"
ACCOUNT = "thanhvien1"
PHRASE = "Bí mật hội nghị quýt-vàng-4711"


@pytest.fixture
def portal(tmp_path: Path) -> Iterator[Any]:
    (tmp_path / "portal").mkdir()
    with running_portal(tmp_path / "portal") as server:
        yield server


def test_cli_session_leaves_no_secret_in_clear(
    isolated_home: Path, portal: Any, capsys: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    keyring = MemoryKeyring()
    monkeypatch.setattr(cli, "make_credential_store", lambda: CredentialStore(backend=keyring))
    data = isolated_home / "data"
    log_file = isolated_home / "desk.log"
    handler = logging.FileHandler(log_file, encoding="utf-8")
    logging.getLogger().addHandler(handler)
    logging.getLogger().setLevel(logging.DEBUG)

    def run(*argv: str, stdin: str = "") -> str:
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
        code = cli.main(["--data-dir", str(data), "--lang", "en", *argv])
        out, err = capsys.readouterr()
        assert code == 0, err
        return out

    try:
        run(
            "login",
            "--server",
            portal.url,
            "--user",
            ACCOUNT,
            "--password-stdin",
            stdin=PASSWORD + "\n",
        )
        entry = next(v for (_, name), v in keyring.entries.items() if "/" not in name)
        token = json.loads(entry)["refresh_token"]
        draft = isolated_home / "draft.md"
        draft.write_text(f"---\ntitle: Tin mới\ncategory: tin-tuc\n---\n{PHRASE}\n", "utf-8")
        item_id = run("items", "new", "--file", str(draft), "--quiet").strip()
        draft.unlink()  # the user's own file is not the product's
        run("sync")
        draft2 = isolated_home / "edit.md"
        draft2.write_text(f"---\ntitle: Tin mới\ncategory: tin-tuc\n---\n{PHRASE} sửa\n", "utf-8")
        run("items", "edit", item_id, "--file", str(draft2))
        draft2.unlink()
        run("sync")
        assert PHRASE in run("items", "show", item_id)  # readable through the product
        secrets_now = files_containing(isolated_home, PASSWORD, token, ACCOUNT, PHRASE)
        assert secrets_now == [], secrets_now  # also while signed in (the WAL is there)
        run("logout")
    finally:
        logging.getLogger().removeHandler(handler)
        handler.close()
        for path in data.rglob("store.sqlite3"):
            forget_key(path)
    assert not any("/store-key" not in name and name for (_, name) in keyring.entries)
    assert log_file.exists()
    found = files_containing(isolated_home, PASSWORD, token, ACCOUNT, PHRASE)
    assert found == [], found
    assert any(p.name.endswith(".key.json") for p in data.rglob("*"))
    for path in isolated_home.rglob("*"):
        assert ACCOUNT not in path.name
