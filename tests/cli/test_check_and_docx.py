"""``portal-desk check`` and ``items new --file F.docx`` (issue 16)."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from docx.shared import Cm
from PIL import Image

from desktop import cli
from desktop.security.credentials import CredentialStore
from tests.helpers.cli import Run
from tests.helpers.keyrings import MemoryKeyring

PASSWORD = "bien-tap-demo-2026"


@pytest.fixture
def run(tmp_path: Path, capsys: Any, monkeypatch: pytest.MonkeyPatch) -> Run:
    backend = MemoryKeyring()
    monkeypatch.setattr(cli, "make_credential_store", lambda: CredentialStore(backend=backend))
    return Run(tmp_path / "data", capsys, monkeypatch)


def word_file(path: Path) -> Path:
    document = Document()
    document.add_paragraph("Hội nghị tổng kết năm 2026", style="Title")
    paragraph = document.add_paragraph("Sáng nay, ")
    paragraph.add_run("UBND tỉnh").bold = True
    paragraph.add_run(" tổ chức hội nghị tổng kếtt.")
    document.add_paragraph("Văn bản điện tử", style="List Bullet")
    picture = io.BytesIO()
    Image.new("RGB", (2000, 1000), (31, 78, 121)).save(picture, "PNG")
    document.add_picture(io.BytesIO(picture.getvalue()), width=Cm(6))
    document.save(str(path))
    return path


def test_check_without_a_profile(run: Run, tmp_path: Path) -> None:
    draft = tmp_path / "tin.md"
    draft.write_text(
        "---\ntitle: Hội nghị chuyểnn đổi số\ncategory: tin-tuc\n---\n"
        "Sáng nay, tỉnh tổ chức hộii nghị tại https://hoabinhan.gov.vn.\n",
        "utf-8",
    )
    code, out, _ = run("check", str(draft), "--json")
    assert code == 1
    report = json.loads(out)
    assert [(s["word"], s["line"], s["column"]) for s in report["spelling"]] == [
        ("chuyểnn", 2, 17),
        ("hộii", 5, 24),
    ]
    assert "chuyển" in report["spelling"][0]["suggestions"]
    assert report["problems"] == []

    clean = tmp_path / "sach.md"
    clean.write_text("---\ntitle: Hội nghị\ncategory: tin-tuc\n---\nNội dung.\n", "utf-8")
    code, out, _ = run("check", str(clean), lang="vi")
    assert code == 0 and "Không thấy lỗi" in out

    empty = tmp_path / "rong.md"
    empty.write_text("---\ntitle: Tin\n---\n\n", "utf-8")
    code, out, _ = run("check", str(empty), "--json")
    assert code == 1
    assert {(p["code"], p["field"]) for p in json.loads(out)["problems"]} == {
        ("required", "body"),
        ("required", "category"),
    }
    assert "The body is missing." in [p["message"] for p in json.loads(out)["problems"]]


def test_check_a_word_file(run: Run, tmp_path: Path) -> None:
    path = word_file(tmp_path / "tin.docx")
    code, out, _ = run("check", str(path), "--category", "tin-tuc", "--json")
    assert code == 1
    report = json.loads(out)
    assert [s["word"] for s in report["spelling"]] == ["kếtt"]
    assert report["problems"] == []
    code, out, _ = run("check", str(path), lang="vi")
    assert code == 1 and "chính tả “kếtt” (gợi ý: kết" in out
    assert "Chưa nhập chuyên mục." in out  # no category: a problem


def test_check_with_the_profiles_directory(run: Run, tmp_path: Path, portal: Any) -> None:
    code, _, err = run(
        "login", "--server", portal.url, "--user", "thanhvien1", "--password-stdin",
        stdin=PASSWORD + "\n",
    )  # fmt: skip
    assert code == 0, err
    legal = tmp_path / "qd.md"
    legal.write_text("---\ntitle: Quyết định\ncategory: van-ban-phap-luat\n---\nToàn văn.\n")
    code, out, _ = run("check", str(legal), "--json")
    assert code == 1
    fields = {p["field"] for p in json.loads(out)["problems"]}
    assert "metadata.number" in fields or any(f.startswith("metadata") for f in fields)
    unknown = tmp_path / "x.md"
    unknown.write_text("---\ntitle: Tin\ncategory: khong-co\n---\nNội dung.\n")
    code, out, _ = run("check", str(unknown), "--json")
    assert [p["code"] for p in json.loads(out)["problems"]] == ["unknown_category"]


def test_items_new_from_a_word_file(run: Run, tmp_path: Path, portal: Any) -> None:
    code, _, err = run(
        "login", "--server", portal.url, "--user", "thanhvien1", "--password-stdin",
        stdin=PASSWORD + "\n",
    )  # fmt: skip
    assert code == 0, err
    path = word_file(tmp_path / "tin.docx")
    code, _, err = run("items", "new", "--file", str(path))
    assert code == 1 and "--category" in err
    code, out, err = run("items", "new", "--file", str(path), "--category", "tin-tuc", "-q")
    assert code == 0, err
    item_id = out.strip()
    code, out, _ = run("items", "show", item_id, "--json")
    item = json.loads(out)
    assert item["title"] == "Hội nghị tổng kết năm 2026"
    assert item["category"] == "tin-tuc"
    assert item["body"].startswith("Sáng nay, **UBND tỉnh** tổ chức hội nghị tổng kếtt.\n\n- Văn")
    (sha,) = item["attachments"]
    assert f"](/media/{sha})" in item["body"]
    code, out, _ = run("status", "--json")
    assert json.loads(out)["pending"] >= 2  # the item and its picture, queued
    code, out, _ = run("items", "new", "--file", str(path), "--category", "tin-tuc", lang="vi")
    assert code == 0 and out.startswith("Đã tạo bản nháp") and item_id not in out
