"""``portal-desk search``, ``convert`` and ``report`` end to end (a real portal on loopback)."""

from __future__ import annotations

import csv
import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from docx import Document

from desktop import cli
from desktop.models.legacy import to_legacy
from desktop.security.credentials import CredentialStore
from tests.helpers.cli import Run
from tests.helpers.keyrings import MemoryKeyring

PASSWORD = "bien-tap-demo-2026"
DATA = Path(__file__).resolve().parents[1] / "data" / "legacy"


@pytest.fixture
def run(tmp_path: Path, capsys: Any, monkeypatch: pytest.MonkeyPatch) -> Run:
    backend = MemoryKeyring()
    monkeypatch.setattr(cli, "make_credential_store", lambda: CredentialStore(backend=backend))
    return Run(tmp_path / "data", capsys, monkeypatch)


@pytest.fixture
def synced(run: Run, portal: Any) -> Run:
    """Logged in as the head and synced: the demo portal's items are in the store."""
    code, _, err = run(
        "login", "--server", portal.url, "--user", "truongban", "--password-stdin",
        stdin=PASSWORD + "\n",
    )  # fmt: skip
    assert code == 0, err
    code, _, err = run("sync")
    assert code == 0, err
    return run


def test_search_without_accents_with_filters_and_local_drafts(synced: Run, tmp_path: Path) -> None:
    hits = synced.json("search", "quyet", "dinh", "12/2026")
    assert hits and hits[0]["title"].startswith("Quyết định số 12/2026/QĐ-UBND")
    assert {"id", "title", "state", "category", "snippet"} <= set(hits[0])
    assert "[Quyết] [định]" in hits[0]["snippet"] or hits[0]["title_spans"]
    everything = synced.json("search", "chuyen", "doi", "so")
    assert len(everything) >= 2
    published = synced.json("search", "chuyen", "doi", "so", "--state", "published")
    assert published and all(h["state"] == "published" for h in published)
    assert len(published) < len(everything)
    legal = synced.json("search", "12/2026", "--category", "van-ban-phap-luat")
    assert legal and all(h["category"] == "van-ban-phap-luat" for h in legal)

    draft = tmp_path / "nhap.md"
    draft.write_text("---\ntitle: Phòng chống lũ quét ở vùng cao\ncategory: tin-tuc\n---\nx\n")
    code, out, err = synced("items", "new", "--file", str(draft), "-q")
    assert code == 0, err
    (hit,) = synced.json("search", "lu", "quet")  # unsynced, found offline
    assert hit["id"] == out.strip() and hit["state"] == "draft"

    code, out, _ = synced("search", "đường", "tỉnh", "816")
    assert code == 0 and "[Đường] [tỉnh] [816]" in out
    code, out, _ = synced("search", "khong", "co", "tu", "nay", "xyzzy")
    assert code == 0 and "No items match" in out
    code, out, _ = synced("search", '"', "*", "NEAR", "--json")
    assert code == 0 and json.loads(out) == []


def test_search_needs_a_profile(run: Run) -> None:
    assert run("search", "x")[0] == cli.NOT_LOGGED_IN


def test_convert_to_stdout_and_in_place(run: Run, tmp_path: Path) -> None:
    legacy = tmp_path / "qd.txt"
    legacy.write_bytes((DATA / "quyet-dinh.tcvn3.txt").read_bytes())
    code, out, err = run("convert", str(legacy))
    assert code == 0 and "Quyết định số 12/2026/QĐ-UBND" in out
    assert "Converted" in err and ".VnTime" in err
    assert legacy.read_bytes() == (DATA / "quyet-dinh.tcvn3.txt").read_bytes()
    code, out, err = run("convert", str(legacy), lang="vi")
    assert code == 0 and "Đã chuyển" in err

    code, out, err = run("convert", str(legacy), "--in-place")
    assert code == 0 and out == "" and "rewritten" in err
    assert legacy.read_text("utf-8").splitlines()[3] == "Quyết định số 12/2026/QĐ-UBND"
    backup = tmp_path / "qd.txt.bak"
    assert backup.read_bytes() == (DATA / "quyet-dinh.tcvn3.txt").read_bytes()

    vni = tmp_path / "vni.txt"
    vni.write_text(to_legacy("Ủy ban nhân dân tỉnh quyết định", "vni"), "utf-8")
    code, out, err = run("convert", str(vni))
    assert code == 0 and out == "Ủy ban nhân dân tỉnh quyết định"


def test_convert_leaves_plain_unicode_alone(run: Run, tmp_path: Path) -> None:
    plain = tmp_path / "plain.txt"
    original = (DATA / "untouched.txt").read_bytes()
    plain.write_bytes(original)
    code, out, err = run("convert", str(plain), "--in-place")
    assert code == 0 and "Nothing to convert" in err and "unchanged" in err
    assert plain.read_bytes() == original and not (tmp_path / "plain.txt.bak").exists()
    code, out, err = run("convert", str(plain))
    assert code == 0 and out.encode() == original.removeprefix(b"\xef\xbb\xbf")
    assert run("convert", str(tmp_path / "missing.txt"))[0] == cli.ERROR


def test_report_docx_and_csv(synced: Run, tmp_path: Path) -> None:
    year = date.today().year
    out = tmp_path / "bao-cao.docx"
    code, text, err = synced(
        "report", "--year", str(year), "--format", "docx", "--out", str(out), lang="vi"
    )
    assert code == 0, err
    assert "Đã lập báo cáo" in text and err == ""  # just synced: no freshness warning
    doc = Document(str(out))
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith("Heading")]
    assert "II. CUNG CẤP THÔNG TIN" in headings
    body = "\n".join(p.text for p in doc.paragraphs)
    assert "đồng bộ lần cuối" in body and f"Năm {year}" in body

    table = tmp_path / "so-lieu.csv"
    code, _, err = synced(
        "report", "--year", str(year), "--quarter", "4", "--format", "csv", "--out", str(table)
    )
    assert code == 0, err
    with table.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    value = {(r["group"], r["key"], r["metric"]): r["value"] for r in rows}
    assert value[("period", "quarter", "start")] == f"{year}-10-01"
    assert int(value[("store", "", "items")]) > 5

    code, _, err = synced("report", "--quarter", "2", "--out", str(out))
    assert code == cli.USAGE and "--year" in err
    ranged = tmp_path / "range.csv"
    code, _, err = synced(
        "report", "--from", f"{year}-01-01", "--to", f"{year}-12-31", "--format", "csv",
        "--out", str(ranged),
    )  # fmt: skip
    assert code == 0 and ranged.exists(), err
