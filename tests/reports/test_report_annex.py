"""The BD-27 report is the annex of Decision 04/2013/QĐ-UBND word for word (issue 19).

The expected text below is typed from the annex (``shared/seeds/000_…``, "Mẫu Báo cáo tình
hình hoạt động của Website"), correcting only the scan's typos; it does not import the module's
own table, so a reworded or missing row fails here.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from docx import Document

from desktop.reports import Period, compute, write_docx
from desktop.reports.docx_export import BLANK
from desktop.store import Store
from desktop.sync.merge import merge_content

ANNEX_ROWS: list[tuple[str, list[str]]] = [
    (
        "Giới thiệu về tổ chức, chức năng, nhiệm vụ, quyền hạn của cơ quan và của từng đơn vị "
        "trực thuộc.",
        [
            "Quyết định thành lập",
            "Sơ đồ thể hiện cấu trúc của tổ chức",
            "Giới thiệu về tổ chức, chức năng nhiệm vụ, quyền hạn của cơ quan",
            "Giới thiệu về tổ chức, chức năng nhiệm vụ, quyền hạn và địa chỉ trang thông tin "
            "điện tử của các đơn vị trực thuộc",
        ],
    ),
    (
        "Có hệ thống văn bản quy phạm pháp luật chuyên ngành và văn bản pháp luật có liên quan",
        [
            "Danh sách các văn bản quy phạm pháp luật chuyên ngành",
            "Cho phép tải các văn bản quy phạm pháp luật chuyên ngành",
            "Phân loại các văn bản quy phạm pháp luật theo lĩnh vực, ngày ban hành, cơ quan ban "
            "hành...",
            "Tham chiếu giữa các văn bản để dễ theo dõi",
        ],
    ),
    (
        "Quy trình, thủ tục hành chính được thực hiện bởi các đơn vị trực thuộc, tên của người "
        "chịu trách nhiệm trong từng khâu thực hiện quy trình, thủ tục hành chính, thời hạn giải "
        "quyết các thủ tục hành chính",
        [
            "Danh sách các thủ tục hành chính được thực hiện bởi các đơn vị trực thuộc",
            "Các thủ tục hành chính được mô tả kỹ, ít nhất có các bước thực hiện, thời gian, "
            "e-mail và điện thoại công vụ của người liên lạc",
            "Các thủ tục có nêu thêm cụ thể tên của người chịu trách nhiệm trong từng khâu thực "
            "hiện quy trình, thủ tục hành chính",
            "Thời hạn giải quyết của từng quy trình, thủ tục hành chính",
        ],
    ),
    (
        "Thông tin tuyên truyền, phổ biến, hướng dẫn thực hiện pháp luật, chế độ, chính sách, "
        "chiến lược, quy hoạch chuyên ngành",
        [
            "Thông tin tuyên truyền, phổ biến, hướng dẫn thực hiện pháp luật nói chung",
            "Thông tin tuyên truyền, phổ biến, hướng dẫn về chế độ",
            "Thông tin tuyên truyền, phổ biến, hướng dẫn về chính sách",
            "Thông tin tuyên truyền, phổ biến, hướng dẫn về chiến lược",
            "Thông tin tuyên truyền, phổ biến, hướng dẫn về quy hoạch",
        ],
    ),
    (
        "Cung cấp danh mục địa chỉ thư điện tử chính thức của từng đơn vị trực thuộc và cán bộ, "
        "công chức có thẩm quyền",
        [
            "Đầy đủ địa chỉ thư điện tử của lãnh đạo hoặc đại diện có ủy quyền",
            "Đầy đủ thư điện tử của đại diện các đơn vị trực thuộc và có thẩm quyền",
        ],
    ),
    (
        "Cung cấp thông tin về dự án, hạng mục đầu tư, đấu thầu, mua sắm công",
        [
            "Danh sách tên các hạng mục đầu tư, đấu thầu, mua sắm",
            "Các hạng mục có nêu rõ chủ đầu tư và chủ quản đầu tư",
            "Các hạng mục có nêu rõ kinh phí, nguồn vốn",
            "Các hạng mục có nêu rõ thời gian, tiến độ thực hiện, đơn vị thực hiện",
        ],
    ),
    (
        "Danh mục các hoạt động trên môi trường mạng đang được cơ quan thực hiện",
        [
            "Liệt kê danh sách tên các dịch vụ được cung cấp trên môi trường mạng",
            "Mô tả tính năng của các dịch vụ",
            "Ghi rõ đơn vị triển khai và vận hành",
            "Ghi rõ hướng dẫn sử dụng",
        ],
    ),
    (
        "Mục lấy ý kiến góp ý của tổ chức, cá nhân",
        [
            "Cho phép nêu ý kiến đóng góp, thắc mắc, khiếu nại",
            "Liên lạc được tới các cán bộ xử lý trực tiếp",
            "Cam kết thời gian tương tác với công dân",
            "Diễn đàn để trao đổi",
        ],
    ),
]

ANNEX_INFRASTRUCTURE = [
    "I. CƠ SỞ HẠ TẦNG:",
    "1. Cơ quan, đơn vị lưu trữ website tại:",
    "a/ Tại cơ quan đơn vị:",
    "- Tên nhà cung cấp đường truyền kết nối:",
    "- Hình thức kết nối: ☐ Trực tiếp (lease line)   ☐ Gián tiếp",
    "- Băng thông trong nước (uplink/downlink):",
    "- Băng thông quốc tế (uplink/downlink):",
    "b/ Thuê ngoài:",
    "- Tên nhà cung cấp dịch vụ:",
    "- Hình thức thuê:",
    "- Băng thông trong nước (uplink/downlink):",
    "- Băng thông quốc tế (uplink/downlink):",
]

ANNEX_SERVICES = [
    "III. DỊCH VỤ CÔNG/HÀNH CHÍNH CÔNG TRỰC TUYẾN",
    "1. Các dịch vụ hành chính công trực tuyến được đăng tải trên website:",
    "a. Số lượng các dịch vụ hành chính công trực tuyến:",
    "Trong đó: chia theo các mức độ: 1, 2, 3, 4:",
    "b. Với mỗi dịch vụ hành chính công trực tuyến, Quý cơ quan cung cấp các thông tin sau:",
    "Tên dịch vụ:",
    "Địa chỉ đăng tải dịch vụ: http://",
    "Thời điểm dịch vụ được đưa vào sử dụng: tháng:",
    "Cơ quan cung cấp dịch vụ:",
    "☐ Của chính Quý cơ quan",
    "☐ Tích hợp từ các đơn vị trực thuộc (ghi rõ tên đơn vị cung cấp dịch vụ).",
]

ANNEX_IDENTITY = [
    "Tên miền Trang thông tin điện tử:",
    "Địa chỉ IP:",
    "Họ và tên người cung cấp thông tin:",
    "Chức vụ:",
    "Đơn vị công tác:",
    "Điện thoại:",
    "Di động:",
    "Địa chỉ e-mail:",
]


def unfilled(text: str) -> str:
    """A line as the annex prints it: the dots to fill in taken off."""
    return text.removesuffix(" " + BLANK)


@pytest.fixture
def document(tmp_path: Path) -> Any:
    with Store.open(tmp_path / "s.sqlite3") as store:
        store.set_directory(
            "demo", "categories", [{"id": "tin-tuc", "name": "Tin tức", "kind": "news"}]
        )
        store.apply_changes([], "c0", merge_content)
        figures = compute(store, Period.for_year(2026), today=date(2026, 11, 10))
        path = write_docx(figures, tmp_path / "bao-cao.docx", agency="Sở Nội vụ")
    return Document(str(path))


def test_the_title_and_the_reporters_block_are_the_annexs(document: Any) -> None:
    lines = [p.text for p in document.paragraphs]
    assert "BÁO CÁO\nTÌNH HÌNH HOẠT ĐỘNG CỦA WEBSITE" in lines
    assert not any("TRANG THÔNG TIN ĐIỆN TỬ" in line for line in lines[:3])
    start = next(i for i, line in enumerate(lines) if line.startswith("Tên miền"))
    block = [unfilled(line) for line in lines[start : start + len(ANNEX_IDENTITY)]]
    assert block[4] == "Đơn vị công tác: Sở Nội vụ"
    block[4] = "Đơn vị công tác:"
    assert block == ANNEX_IDENTITY
    header = [c.text for row in document.tables[0].rows for c in row.cells]
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in header
    assert "Độc lập - Tự do - Hạnh phúc" in header and "SỞ NỘI VỤ" in header


def test_the_self_assessment_table_is_the_annex_row_by_row(document: Any) -> None:
    table = next(t for t in document.tables if t.rows[0].cells[0].text == "TT")
    first = [c.text for c in table.rows[0].cells]
    assert first[:3] == ["TT", "Tiêu chí", "Tự đánh giá"]
    assert [c.text for c in table.rows[1].cells][2:] == ["Đầy đủ", "Chưa đầy đủ", "Chưa có"]
    body = table.rows[2 : 2 + len(ANNEX_ROWS)]
    assert len(body) == 8
    rows = zip(body, ANNEX_ROWS, strict=True)
    for number, (row, (criterion, points)) in enumerate(rows, start=1):
        cells = row.cells
        assert cells[0].text == str(number)
        paragraphs = [p.text for p in cells[1].paragraphs]
        assert paragraphs[0] == criterion, f"row {number}"
        assert paragraphs[1:] == [f"- {point}" for point in points], f"row {number}"
        assert [c.text for c in cells[2:]] == ["☐", "☐", "☐"]
    assert table.rows[-1].cells[1].text == "Tổng số:"
    assert len(table.rows) == 2 + 8 + 1


def test_sections_one_two_and_three_are_the_annexs(document: Any) -> None:
    lines = [unfilled(p.text) for p in document.paragraphs]
    start = lines.index(ANNEX_INFRASTRUCTURE[0])
    assert lines[start : start + len(ANNEX_INFRASTRUCTURE)] == ANNEX_INFRASTRUCTURE
    assert "II. CUNG CẤP THÔNG TIN" in lines
    assert (
        "1. Cơ quan, đơn vị tự đánh giá trang thông tin điện tử của cơ quan mình theo các tiêu "
        "chí sau đây. Đánh dấu X vào cột “Tự đánh giá”." in lines
    )
    assert "2. Trách nhiệm cung cấp thông tin cho Website tỉnh theo quy định tại Điều 12" in lines
    start = lines.index(ANNEX_SERVICES[0])
    assert lines[start : start + len(ANNEX_SERVICES)] == ANNEX_SERVICES
    levels = next(t for t in document.tables if t.rows[0].cells[0].text == "Mức độ 1")
    assert [c.text for c in levels.rows[0].cells] == [f"Mức độ {n}" for n in (1, 2, 3, 4)]
    assert "THỦ TRƯỞNG CƠ QUAN ĐƠN VỊ\n(Ký tên, đóng dấu)" in lines
    raw = [p.text for p in document.paragraphs]
    assert "b/ Thuê ngoài:" in raw and "Cơ quan cung cấp dịch vụ:" in raw  # lead the lines below
    assert f"- Hình thức thuê: {BLANK}" in raw and f"Tên dịch vụ: {BLANK}" in raw  # to fill in


class QuestionFigures:
    """What the questions module gives for row 8 (any object with ``lines``)."""

    def lines(self, language: str = "vi") -> list[str]:
        return ["Số câu hỏi đã nhận: 12", "Trả lời đúng hạn: 11"]


def test_row_eights_figures_have_their_place_under_the_table(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s.sqlite3") as store:
        figures = compute(store, Period.for_year(2026), today=date(2026, 11, 10))
    figures.questions = QuestionFigures()
    doc = Document(str(write_docx(figures, tmp_path / "bao-cao.docx")))
    lines = [p.text for p in doc.paragraphs]
    at = lines.index("Tiêu chí 8 – số liệu của Ban Biên tập")
    assert lines[at + 1 : at + 3] == ["Số câu hỏi đã nhận: 12", "Trả lời đúng hạn: 11"]
    assert at < lines.index(
        "2. Trách nhiệm cung cấp thông tin cho Website tỉnh theo quy định tại Điều 12"
    )
