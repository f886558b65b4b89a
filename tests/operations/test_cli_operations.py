"""``portal-desk items import FOLDER`` and ``items restore ID --version N`` (issue 20), against a
real demo portal: a folder of good, bad and other files; a restore synced to the portal."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from desktop import cli
from desktop.security.credentials import CredentialStore
from tests.cli.conftest import portal  # noqa: F401 - fixture
from tests.helpers.cli import Run
from tests.helpers.keyrings import MemoryKeyring
from tests.helpers.portal import PASSWORD, server_item, server_versions

OFFICE = Path(__file__).parent.parent / "data" / "office"


@pytest.fixture
def run(tmp_path: Path, capsys: Any, monkeypatch: pytest.MonkeyPatch) -> Run:
    backend = MemoryKeyring()
    monkeypatch.setattr(cli, "make_credential_store", lambda: CredentialStore(backend=backend))
    return Run(tmp_path / "data", capsys, monkeypatch)


def login(run: Run, url: str, user: str = "thanhvien1") -> None:
    code, _, err = run(
        "login", "--server", url, "--user", user, "--password-stdin", stdin=PASSWORD + "\n"
    )
    assert code == 0, err


def test_import_a_folder_of_good_bad_and_other_files(
    run: Run,
    portal: Any,  # noqa: F811
    tmp_path: Path,
) -> None:
    login(run, portal.url)
    folder = tmp_path / "tuan-truoc"
    folder.mkdir()
    (folder / "01-hoi-nghi.md").write_text(
        "---\ntitle: Hội nghị tổng kết\ncategory: tin-tuc\n"
        "publish_at: 2026-12-08T07:00:00+07:00\n---\nNội dung **hội nghị**.\n",
        "utf-8",
    )
    (folder / "02-khong-tieu-de.md").write_text("Chỉ có nội dung, chuyên mục từ --category.\n")
    (folder / "03-sai.md").write_text("---\ntitle: [không đóng\n---\nx\n", "utf-8")
    (folder / "04-gio-khong-mui.md").write_text(
        "---\ntitle: Giờ thiếu múi\npublish_at: 2026-12-08T07:00:00\n---\nx\n", "utf-8"
    )
    (folder / "05-hong.docx").write_bytes(b"not a zip at all")
    (folder / "ghi-chu.txt").write_text("không phải tin", "utf-8")
    (folder / "anh.png").write_bytes(b"\x89PNG\r\n")
    word = sorted(OFFICE.glob("*.docx"))[0]
    shutil.copy(word, folder / "06-word.docx")

    code, out, err = run("items", "import", str(folder), "--category", "tin-tuc")
    assert code == cli.ERROR, (out, err)  # some failed: exit 1, the good ones kept
    assert "01-hoi-nghi.md: draft" in out and "06-word.docx: draft" in out
    assert "02-khong-tieu-de.md: draft" in out
    assert "03-sai.md: failed" in err and "04-gio-khong-mui.md: failed" in err
    assert "offset" in err.split("04-gio-khong-mui.md")[1].splitlines()[0]
    assert "05-hong.docx: failed" in err
    assert "ghi-chu.txt: skipped" in out and "anh.png: skipped" in out
    assert "3 new drafts, 3 files failed, 2 files skipped." in out

    drafts = run.json("items", "list")
    titles = {d["title"] for d in drafts}
    assert "Hội nghị tổng kết" in titles and len(drafts) == 3
    scheduled = next(d for d in drafts if d["title"] == "Hội nghị tổng kết")
    assert run.json("items", "show", scheduled["id"])["publish_at"] == "2026-12-08T07:00:00+07:00"

    code, out, err = run("items", "import", str(folder), "--json")
    outcomes = {o["file"]: o for o in json.loads(out)}
    assert outcomes["01-hoi-nghi.md"]["status"] == "imported"
    assert outcomes["02-khong-tieu-de.md"]["status"] == "failed"  # no section this time
    assert "--category" in outcomes["02-khong-tieu-de.md"]["reason"]
    assert code == cli.ERROR
    code, out, err = run("sync")
    assert code == 0, err


def test_import_of_a_missing_folder_is_a_clear_error(run: Run, tmp_path: Path) -> None:
    code, _, err = run("items", "import", str(tmp_path / "khong-co"), lang="vi")
    assert code == cli.ERROR and "Không phải thư mục" in err


def test_restore_on_the_command_line(run: Run, portal: Any, tmp_path: Path) -> None:  # noqa: F811
    login(run, portal.url)
    first = tmp_path / "tin.md"
    first.write_text("---\ntitle: Bản đầu\ncategory: tin-tuc\n---\nNội dung đầu.\n", "utf-8")
    code, out, err = run("items", "new", "--file", str(first), "--quiet")
    assert code == 0, err
    item_id = out.strip()
    assert run("sync")[0] == 0
    first.write_text("---\ntitle: Bản sửa\n---\nNội dung sửa.\n", "utf-8")
    assert run("items", "edit", item_id[:8], "--file", str(first))[0] == 0
    assert run("sync")[0] == 0

    code, out, err = run("items", "restore", item_id[:8], "--version", "1")
    assert code == 0, err and "version 1" in out
    assert run("sync")[0] == 0

    import asyncio

    on_portal = asyncio.run(server_item(portal.url, item_id, "thanhvien1"))
    assert (on_portal["title"], on_portal["body"], on_portal["version"]) == (
        "Bản đầu",
        "Nội dung đầu.\n",
        3,
    )
    versions = asyncio.run(server_versions(portal.url, item_id, "thanhvien1"))
    assert len(versions) == 3

    code, _, err = run("items", "restore", item_id[:8], "--version", "9", lang="vi")
    assert code == cli.ERROR and "không có phiên bản 9" in err
