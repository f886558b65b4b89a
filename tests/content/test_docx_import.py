"""A .docx becomes an item: title, headings, emphasis, lists, tables, pictures, old fonts."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from docx import Document
from docx.shared import Cm
from PIL import Image

from desktop.content.docx_import import DocxError, read_docx
from desktop.models.legacy import to_legacy

OFFICE = Path(__file__).resolve().parents[1] / "data" / "office"


def picture_bytes(size: tuple[int, int] = (300, 200)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(out, "PNG")
    return out.getvalue()


def made_by_python_docx(path: Path) -> Path:
    document = Document()
    document.add_paragraph("Tin mới về cải cách hành chính", style="Title")
    document.add_heading("Tình hình chung", 1)
    paragraph = document.add_paragraph("Trong quý, tỉnh tiếp nhận ")
    paragraph.add_run("12.345 hồ sơ").bold = True
    paragraph.add_run(" qua mạng, ")
    paragraph.add_run("tăng 18%").italic = True
    paragraph.add_run(".")
    document.add_paragraph("Một cửa", style="List Bullet")
    document.add_paragraph("Liên thông", style="List Bullet")
    document.add_paragraph("Bước đầu", style="List Number")
    document.add_paragraph("Bước sau", style="List Number")
    table = document.add_table(rows=2, cols=2)
    for (r, c), text in {
        (0, 0): "Lĩnh vực",
        (0, 1): "Số hồ sơ",
        (1, 0): "Đất đai",
        (1, 1): "4.210",
    }.items():
        table.cell(r, c).text = text
    document.add_picture(io.BytesIO(picture_bytes()), width=Cm(6))
    old = document.add_paragraph().add_run(to_legacy("ủy ban nhân dân tỉnh", "tcvn3"))
    old.font.name = ".VnTime"
    capitals = document.add_paragraph().add_run(to_legacy("quyết định", "tcvn3"))
    capitals.font.name = ".VnTimeH"  # the capitals font: lowercase bytes drawn as capitals
    vni = document.add_paragraph().add_run(to_legacy("Sở Tư pháp", "vni"))
    vni.font.name = "VNI-Times"
    document.save(str(path))
    return path


def test_python_docx_document(tmp_path: Path) -> None:
    read = read_docx(made_by_python_docx(tmp_path / "tin.docx"))
    assert read.title == "Tin mới về cải cách hành chính"
    assert read.markdown == (
        "# Tình hình chung\n\n"
        "Trong quý, tỉnh tiếp nhận **12.345 hồ sơ** qua mạng, *tăng 18%*.\n\n"
        "- Một cửa\n- Liên thông\n\n"
        "1. Bước đầu\n2. Bước sau\n\n"
        "| Lĩnh vực | Số hồ sơ |\n|---|---|\n| Đất đai | 4.210 |\n\n"
        "![](docx:1)\n\n"
        "ủy ban nhân dân tỉnh\n\nQUYẾT ĐỊNH\n\nSở Tư pháp\n"
    )
    assert [p.data[:4] for p in read.pictures] == [b"\x89PNG"]
    assert read.legacy.encodings == {"TCVN3", "VNI"}
    assert read.with_sources({"docx:1": "/media/" + "b" * 64}).count("/media/" + "b" * 64) == 1
    assert "1 ảnh, 1 bảng" in read.summary("vi", "tin.docx")


def test_first_heading_is_the_title_without_a_title_style(tmp_path: Path) -> None:
    document = Document()
    document.add_heading("Thông báo lịch tiếp công dân", 1)
    document.add_paragraph("Nội dung thông báo.")
    document.save(str(tmp_path / "tb.docx"))
    read = read_docx(tmp_path / "tb.docx")
    assert read.title == "Thông báo lịch tiếp công dân"
    assert read.markdown == "Nội dung thông báo.\n"


def test_libreoffice_document() -> None:
    read = read_docx(OFFICE / "libreoffice.docx")
    assert read.title == "Hội nghị tổng kết công tác chuyển đổi số năm 2026"
    text = read.markdown
    assert text.startswith("# Kết quả nổi bật\n\nNăm 2026, tỉnh hoàn thành **27/30 chỉ tiêu**")
    assert "- Dịch vụ công trực tuyến toàn trình\n    - kể cả cấp xã\n\n1. Rà soát hồ sơ" in text
    assert "## Số liệu\n\n| Chỉ tiêu | Kế hoạch | Thực hiện |\n|---|---|---|" in text
    assert "Quyết định số 12/QĐ-UBND về việc ban hành quy chế phối hợp" in text
    assert len(read.pictures) == 1 and "![](docx:1)" in text


def test_not_a_word_file(tmp_path: Path) -> None:
    bad = tmp_path / "x.docx"
    bad.write_bytes(b"not a zip")
    with pytest.raises(DocxError) as raised:
        read_docx(bad)
    assert "x.docx" in raised.value.message("vi")
