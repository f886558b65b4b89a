"""Issue 20's commands as users script them: ``portal-desk`` as a subprocess, the store encrypted
as shipped, the session in a real Secret Service (gnome-keyring), a real demo portal."""

from __future__ import annotations

import asyncio
import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.helpers.keychain import SecretService
from tests.helpers.portal import PASSWORD, running_portal, server_item, server_versions

OFFICE = Path(__file__).parent.parent / "data" / "office"


@pytest.fixture
def portal(tmp_path: Path) -> Iterator[Any]:
    with running_portal(tmp_path) as server:
        yield server


@pytest.fixture
def keychain(tmp_path: Path) -> Iterator[SecretService]:
    with SecretService(tmp_path) as session:
        yield session


def test_last_weeks_files_become_drafts_and_a_version_comes_back(
    keychain: SecretService, portal: Any, tmp_path: Path
) -> None:
    done = keychain.run(
        "login", "--server", portal.url, "--user", "thanhvien1", "--password-stdin",
        stdin=PASSWORD + "\n",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    folder = tmp_path / "tuan-truoc"
    folder.mkdir()
    (folder / "hop-bao.md").write_text(
        "---\ntitle: Họp báo định kỳ quý IV\ncategory: tin-tuc\n"
        "publish_at: 2026-12-08T07:00:00+07:00\nexpire_at: 2026-12-31T23:59:59+07:00\n---\n"
        "Sở tổ chức họp báo.\n",
        "utf-8",
    )
    (folder / "hong.md").write_text("---\ntitle: [chưa đóng\n---\n", "utf-8")
    (folder / "ghi-chu.txt").write_text("không phải tin", "utf-8")
    shutil.copy(sorted(OFFICE.glob("*.docx"))[0], folder / "cong-van.docx")

    done = keychain.run("items", "import", str(folder), "--category", "tin-tuc", "--json")
    assert "Traceback" not in done.stderr
    assert done.returncode == 1, done.stderr  # one file failed; the others are drafts
    outcomes = {o["file"]: o for o in json.loads(done.stdout)}
    assert {f: o["status"] for f, o in outcomes.items()} == {
        "cong-van.docx": "imported",
        "ghi-chu.txt": "skipped",
        "hong.md": "failed",
        "hop-bao.md": "imported",
    }
    done = keychain.run("sync")
    assert done.returncode == 0, done.stderr
    item_id = outcomes["hop-bao.md"]["id"]
    on_portal = asyncio.run(server_item(portal.url, item_id, "thanhvien1"))
    assert on_portal["publish_at"] == "2026-12-08T07:00:00+07:00"
    assert on_portal["expire_at"] == "2026-12-31T23:59:59+07:00"

    edit = tmp_path / "sua.md"
    edit.write_text("---\ntitle: Họp báo (sửa nhầm)\n---\nNội dung sai.\n", "utf-8")
    assert keychain.run("items", "edit", item_id[:8], "--file", str(edit)).returncode == 0
    assert keychain.run("sync").returncode == 0
    done = keychain.run("items", "restore", item_id[:8], "--version", "1")
    assert done.returncode == 0, done.stderr
    assert keychain.run("sync").returncode == 0
    on_portal = asyncio.run(server_item(portal.url, item_id, "thanhvien1"))
    assert on_portal["title"] == "Họp báo định kỳ quý IV" and on_portal["version"] == 3
    versions = asyncio.run(server_versions(portal.url, item_id, "thanhvien1"))
    assert [v["version"] for v in versions] == [1, 2, 3]
