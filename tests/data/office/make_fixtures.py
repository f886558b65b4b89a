"""Make the LibreOffice fixtures of tests/content (run by hand; CI never installs LibreOffice).

    apt-get install -y --no-install-recommends libreoffice-writer-nogui
    python tests/data/office/make_fixtures.py

1. ``source.docx`` is written with python-docx: a Title, headings, bold and italic runs, a
   bulleted, a numbered and a nested list, a table, a picture, and a paragraph in the old
   .VnTime font (TCVN3 bytes);
2. LibreOffice opens it and saves ``libreoffice.odt``, then, from that, ``libreoffice.docx``
   (a Word file written by LibreOffice) and ``libreoffice-clipboard.html`` (its HTML filter,
   "HTML (StarWriter)", the one Writer puts on the clipboard when text is copied).
"""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[2]))


def source_docx(path: Path) -> None:
    from docx import Document
    from docx.shared import Cm
    from PIL import Image

    from desktop.models.legacy import to_legacy

    document = Document()
    document.add_heading("Hội nghị tổng kết công tác chuyển đổi số năm 2026", 0)
    document.add_heading("Kết quả nổi bật", 1)
    paragraph = document.add_paragraph("Năm 2026, tỉnh hoàn thành ")
    paragraph.add_run("27/30 chỉ tiêu").bold = True
    paragraph.add_run(", trong đó có ")
    paragraph.add_run("nhiều").italic = True
    paragraph.add_run(" chỉ tiêu vượt kế hoạch.")
    document.add_paragraph("Văn bản điện tử được ký số", style="List Bullet")
    document.add_paragraph("Dịch vụ công trực tuyến toàn trình", style="List Bullet")
    document.add_paragraph("kể cả cấp xã", style="List Bullet 2")
    document.add_paragraph("Rà soát hồ sơ", style="List Number")
    document.add_paragraph("Báo cáo Ủy ban nhân dân tỉnh", style="List Number")
    document.add_heading("Số liệu", 2)
    table = document.add_table(rows=3, cols=3)
    table.style = "Table Grid"
    for r, row in enumerate(
        [
            ("Chỉ tiêu", "Kế hoạch", "Thực hiện"),
            ("Hồ sơ trực tuyến", "60%", "68,4%"),
            ("Thanh toán trực tuyến", "50%", "57,2%"),
        ]
    ):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    picture = io.BytesIO()
    Image.new("RGB", (320, 200), (31, 78, 121)).save(picture, "PNG")
    picture.seek(0)
    document.add_picture(picture, width=Cm(8))
    run = document.add_paragraph().add_run(
        to_legacy("Quyết định số 12/QĐ-UBND về việc ban hành quy chế phối hợp", "tcvn3")
    )
    run.font.name = ".VnTime"
    document.save(str(path))


def soffice(source: Path, target: str, out: Path) -> Path:
    subprocess.run(
        ["soffice", "--headless", "--convert-to", target, "--outdir", str(out), str(source)],
        check=True,
        capture_output=True,
        timeout=180,
    )
    return out


def main() -> None:
    if shutil.which("soffice") is None:
        sys.exit("soffice not found: apt-get install libreoffice-writer-nogui")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        source = work / "source.docx"
        source_docx(source)
        soffice(source, "odt", work)
        odt = work / "source.odt"
        odt.rename(work / "libreoffice.odt")
        soffice(work / "libreoffice.odt", "docx:MS Word 2007 XML", work)
        soffice(work / "libreoffice.odt", "html:HTML (StarWriter)", work)
        shutil.copy(work / "libreoffice.docx", HERE / "libreoffice.docx")
        shutil.copy(work / "libreoffice.html", HERE / "libreoffice-clipboard.html")
    print("written:", HERE / "libreoffice.docx", HERE / "libreoffice-clipboard.html")


if __name__ == "__main__":
    main()
