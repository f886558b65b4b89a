"""Pastes from Word and LibreOffice keep headings, emphasis, lists and tables, drop foreign
styling, scripts and remote pictures, and convert runs in the old Vietnamese fonts (issue 16)."""

from __future__ import annotations

import base64
from pathlib import Path

from desktop.content.html_import import html_to_blocks

OFFICE = Path(__file__).resolve().parents[1] / "data" / "office"


def test_word_clipboard() -> None:
    pasted = html_to_blocks((OFFICE / "word-clipboard.html").read_text(encoding="utf-8"))
    assert pasted.markdown == (
        "# Hội nghị tổng kết công tác chuyển đổi số\n\n"
        "# Kết quả nổi bật\n\n"
        "Năm 2026, tỉnh hoàn thành **27/30 chỉ tiêu**, trong đó có *nhiều* chỉ tiêu vượt kế "
        "hoạch.\n\n"
        "- Văn bản điện tử được ký số;\n"
        "    - kể cả văn bản của cấp xã;\n"
        "- Dịch vụ công trực tuyến toàn trình.\n\n"
        "1. Rà soát hồ sơ;\n"
        "2. Báo cáo Ủy ban nhân dân tỉnh.\n\n"
        "## Thời hạn trả lời được rút ngắn\n\n"
        "| Nội dung | Quy chế cũ | Quy chế mới |\n|---|---|---|\n"
        "| Không cần xác minh | 10 ngày | 05 ngày |\n\n"
        "Quyết định số 12/QĐ-UBND ngày 30/10/2026 của UBND tỉnh.\n\n"
        "Xem thêm tại [Cổng Thông tin điện tử tỉnh](https://hoabinhan.gov.vn/tin-tuc) hoặc đây.\n"
    )
    assert pasted.legacy.encodings == {"TCVN3", "VNI"}
    assert pasted.dropped_images == 2  # the local clip_image001.png is gone, and the pixel
    assert pasted.pictures == []
    for foreign in ("alert", "never run", "Calibri", "mso", "javascript", "tracker", "·"):
        assert foreign not in pasted.markdown


def test_libreoffice_clipboard() -> None:
    pasted = html_to_blocks((OFFICE / "libreoffice-clipboard.html").read_text(encoding="utf-8"))
    text = pasted.markdown
    assert text.startswith("Hội nghị tổng kết công tác chuyển đổi số năm 2026\n\n# Kết quả nổi bật")
    assert "Năm 2026, tỉnh hoàn thành **27/30 chỉ tiêu**, trong đó có *nhiều*" in text
    assert "- Văn bản điện tử được ký số\n- Dịch vụ công trực tuyến toàn trình\n" in text
    assert "1. Rà soát hồ sơ\n2. Báo cáo Ủy ban nhân dân tỉnh" in text
    assert "| Chỉ tiêu | Kế hoạch | Thực hiện |\n|---|---|---|\n| Hồ sơ trực tuyến | 60% |" in text
    assert "Quyết định số 12/QĐ-UBND về việc ban hành quy chế phối hợp" in text
    assert pasted.legacy.encodings == {"TCVN3"}
    assert pasted.dropped_images == 1  # a file beside the HTML, not in the paste
    for foreign in ("Calibri", "Cambria", "font", "margin"):
        assert foreign not in text


def test_pictures_inside_the_paste_are_handed_back() -> None:
    png = base64.b64encode(b"\x89PNG\r\n\x1a\n-not-really").decode()
    pasted = html_to_blocks(
        f'<p>Ảnh: <img alt="Hội trường" src="data:image/png;base64,{png}"></p>'
        '<p><img src="https://example.com/x.jpg"><img src="/media/' + "a" * 64 + '"></p>'
    )
    assert [p.name for p in pasted.pictures] == ["hội-trường-1.png"]
    assert pasted.pictures[0].data.startswith(b"\x89PNG")
    assert "![Hội trường](pasted:1)" in pasted.markdown
    assert f"![](/media/{'a' * 64})" in pasted.markdown  # the portal's own media stay
    assert pasted.dropped_images == 1


def test_plain_markup_and_escapes() -> None:
    pasted = html_to_blocks(
        "<div><p>5*3 và <b>đậm <i>nghiêng</i></b></p><blockquote>trích</blockquote>"
        "<pre>mã\n  lệnh</pre><ol start=3><li>ba</li><li><p>bốn</p><p>tiếp</p></li></ol></div>"
    )
    assert pasted.markdown == (
        "5\\*3 và **đậm *nghiêng***\n\n> trích\n\n    mã\n      lệnh\n\n3. ba\n4. bốn  \n    tiếp\n"
    )
