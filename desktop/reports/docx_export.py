"""The report as a Word file shaped like the BD-27 annex ("Mẫu Báo cáo tình hình hoạt động của
Website", Decision 04/2013/QĐ-UBND): the board's figures filled in, the rest left for the user.

Section I (infrastructure) and III (online public services, counts by level 1–4) are facts the
board's store does not hold: their lines and table cells stay blank. The self-assessment of
section II.1 (eight groups: full / partial / none) has empty boxes (☐) to tick.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from desktop.reports.figures import GroupFigures, ReportFigures

BOX = "☐"
BLANK = "…" * 12

#: The eight groups of the annex's self-assessment table, with the points each checks.
SELF_ASSESSMENT: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "Giới thiệu về tổ chức, chức năng, nhiệm vụ, quyền hạn của cơ quan và của từng đơn vị "
        "trực thuộc",
        (
            "Quyết định thành lập",
            "Sơ đồ thể hiện cấu trúc của tổ chức",
            "Giới thiệu về tổ chức, chức năng, nhiệm vụ, quyền hạn của cơ quan",
            "Giới thiệu về các đơn vị trực thuộc và địa chỉ trang thông tin điện tử của họ",
        ),
    ),
    (
        "Hệ thống văn bản quy phạm pháp luật chuyên ngành và văn bản pháp luật có liên quan",
        (
            "Danh sách các văn bản quy phạm pháp luật chuyên ngành",
            "Cho phép tải các văn bản quy phạm pháp luật chuyên ngành",
            "Phân loại văn bản theo lĩnh vực, ngày ban hành, cơ quan ban hành",
            "Tham chiếu giữa các văn bản để dễ theo dõi",
        ),
    ),
    (
        "Quy trình, thủ tục hành chính do các đơn vị trực thuộc thực hiện, người chịu trách "
        "nhiệm từng khâu, thời hạn giải quyết",
        (
            "Danh sách các thủ tục hành chính do các đơn vị trực thuộc thực hiện",
            "Các thủ tục được mô tả kỹ: các bước, thời gian, e-mail và điện thoại liên lạc",
            "Tên người chịu trách nhiệm trong từng khâu thực hiện",
            "Thời hạn giải quyết của từng thủ tục hành chính",
        ),
    ),
    (
        "Thông tin tuyên truyền, phổ biến, hướng dẫn thực hiện pháp luật, chế độ, chính sách, "
        "chiến lược, quy hoạch chuyên ngành",
        (
            "Tuyên truyền, phổ biến, hướng dẫn thực hiện pháp luật nói chung",
            "Hướng dẫn về chế độ, chính sách",
            "Hướng dẫn về chiến lược, quy hoạch",
        ),
    ),
    (
        "Danh mục địa chỉ thư điện tử chính thức của từng đơn vị trực thuộc và cán bộ, công "
        "chức có thẩm quyền",
        (
            "Đầy đủ địa chỉ thư điện tử của lãnh đạo hoặc đại diện có ủy quyền",
            "Đầy đủ thư điện tử của đại diện các đơn vị trực thuộc",
        ),
    ),
    (
        "Thông tin về dự án, hạng mục đầu tư, đấu thầu, mua sắm công",
        (
            "Danh sách tên các hạng mục đầu tư, đấu thầu, mua sắm",
            "Nêu rõ chủ đầu tư và chủ quản đầu tư",
            "Nêu rõ kinh phí, nguồn vốn",
            "Nêu rõ thời gian, tiến độ thực hiện, đơn vị thực hiện",
        ),
    ),
    (
        "Danh mục các hoạt động trên môi trường mạng đang được cơ quan thực hiện",
        (
            "Danh sách các dịch vụ được cung cấp trên môi trường mạng",
            "Mô tả tính năng của các dịch vụ",
            "Đơn vị triển khai và vận hành; hướng dẫn sử dụng",
        ),
    ),
    (
        "Mục lấy ý kiến góp ý của tổ chức, cá nhân",
        (
            "Cho phép nêu ý kiến đóng góp, thắc mắc, khiếu nại",
            "Liên lạc được tới các cán bộ xử lý trực tiếp",
            "Cam kết thời gian tương tác với công dân",
        ),
    ),
)

HEADINGS = {
    "infrastructure": "I. CƠ SỞ HẠ TẦNG",
    "information": "II. CUNG CẤP THÔNG TIN",
    "self_assessment": "1. Tự đánh giá trang thông tin điện tử theo các tiêu chí",
    "figures": "2. Trách nhiệm cung cấp thông tin (Điều 12) – số liệu của Ban Biên tập",
    "by_category": "2.1. Số tin, bài đã đăng theo chuyên mục",
    "by_unit": "2.2. Số tin, bài đã đăng theo đơn vị cung cấp thông tin",
    "deadline": "2.3. Tỷ lệ tin, bài đăng trong thời hạn quy định",
    "steps": "2.4. Thời gian xử lý trung bình qua từng bước",
    "returns": "2.5. Tin, bài bị trả lại và bị từ chối",
    "take_downs": "2.6. Tin, bài bị gỡ bỏ",
    "questions": "2.7. Hỏi đáp, tiếp nhận ý kiến của tổ chức, cá nhân (tiêu chí 8)",
    "services": "III. DỊCH VỤ CÔNG/HÀNH CHÍNH CÔNG TRỰC TUYẾN",
}


def percent(share: float | None) -> str:
    """``0.857`` → ``85,7%`` (Vietnamese decimal comma); None → ``—``."""
    if share is None:
        return "—"
    return f"{share * 100:.1f}".replace(".", ",") + "%"


def hours(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}".replace(".", ",")


def write_docx(
    figures: ReportFigures,
    path: str | Path,
    *,
    agency: str = "",
    portal_url: str = "",
    reporter: str = "",
    place: str = "",
) -> Path:
    """Write the report to ``path`` (.docx) and return the path."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    doc = Document()
    center = WD_ALIGN_PARAGRAPH.CENTER
    header = doc.add_table(rows=3, cols=2)
    cells = [
        (agency.upper() or "TÊN CƠ QUAN, ĐƠN VỊ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
        ("Số:      /BC-", "Độc lập - Tự do - Hạnh phúc"),
        ("", f"{place or BLANK}, ngày …… tháng …… năm {figures.period.end.year}"),
    ]
    for r, (left, right) in enumerate(cells):
        header.cell(r, 0).text, header.cell(r, 1).text = left, right
        for c in (0, 1):
            header.cell(r, c).paragraphs[0].alignment = center
    title = doc.add_paragraph()
    title.alignment = center
    title.add_run("BÁO CÁO\nTÌNH HÌNH HOẠT ĐỘNG CỦA TRANG THÔNG TIN ĐIỆN TỬ").bold = True
    doc.add_paragraph(f"Kỳ báo cáo: {figures.period.label('vi')}").alignment = center
    for label, value in (
        ("Tên miền Trang thông tin điện tử", portal_url),
        ("Địa chỉ IP", ""),
        ("Họ và tên người cung cấp thông tin", reporter),
        ("Chức vụ", ""),
        ("Đơn vị công tác", ""),
        ("Điện thoại", ""),
        ("Di động", ""),
        ("Địa chỉ e-mail", ""),
    ):
        doc.add_paragraph(f"{label}: {value or BLANK}")

    doc.add_heading(HEADINGS["infrastructure"], level=1)
    for line in (
        "1. Cơ quan, đơn vị lưu trữ website tại:",
        "a) Tại cơ quan, đơn vị – nhà cung cấp đường truyền: " + BLANK,
        f"   Hình thức kết nối: {BOX} Trực tiếp (lease line)   {BOX} Gián tiếp",
        "   Băng thông trong nước / quốc tế (uplink/downlink): " + BLANK,
        "b) Thuê ngoài – nhà cung cấp dịch vụ, hình thức thuê: " + BLANK,
        "   Băng thông trong nước / quốc tế (uplink/downlink): " + BLANK,
    ):
        doc.add_paragraph(line)

    doc.add_heading(HEADINGS["information"], level=1)
    doc.add_heading(HEADINGS["self_assessment"], level=2)
    doc.add_paragraph("Đánh dấu ☒ vào cột “Tự đánh giá”.")
    table = doc.add_table(rows=1, cols=5)
    table.style = "Table Grid"
    for c, text in enumerate(("TT", "Tiêu chí", "Đầy đủ", "Chưa đầy đủ", "Chưa có")):
        table.rows[0].cells[c].text = text
    for n, (criterion, points) in enumerate(SELF_ASSESSMENT, start=1):
        row = table.add_row().cells
        row[0].text = str(n)
        row[1].text = criterion + "".join(f"\n- {p}" for p in points)
        for c in (2, 3, 4):
            row[c].text = BOX
    total = table.add_row().cells
    total[1].text = "Tổng số:"

    doc.add_heading(HEADINGS["figures"], level=2)
    doc.add_paragraph(figures.freshness("vi"))
    doc.add_heading(HEADINGS["by_category"], level=3)
    _group_table(doc, "Chuyên mục", figures.by_category, figures.total)
    doc.add_heading(HEADINGS["by_unit"], level=3)
    _group_table(doc, "Đơn vị cung cấp thông tin", figures.by_unit, figures.total)
    doc.add_heading(HEADINGS["deadline"], level=3)
    t = figures.total
    doc.add_paragraph(
        f"Trong {t.with_deadline} tin, bài có thời hạn đăng (Điều 13), {t.on_time} tin, bài "
        f"đăng đúng hạn, {t.late} tin, bài đăng trễ hạn; tỷ lệ đúng hạn: "
        f"{percent(t.on_time_share)}."
    )
    doc.add_heading(HEADINGS["steps"], level=3)
    steps = _table(doc, ("Bước", "Số lượt", "Trung bình (giờ)"))
    for step in figures.steps:
        _row(steps, (f"{step.number}. {step.name_vi}", step.passes, hours(step.average_hours)))
    doc.add_heading(HEADINGS["returns"], level=3)
    doc.add_paragraph(f"Số lượt trả lại: {t.returned}. Số tin, bài bị từ chối: {t.rejected}.")
    doc.add_heading(HEADINGS["take_downs"], level=3)
    doc.add_paragraph(f"Số tin, bài bị gỡ bỏ: {t.taken_down}.")
    if figures.take_downs:
        downs = _table(doc, ("Ngày", "Tin, bài", "Chuyên mục", "Lý do"))
        names = {g.key: g.label for g in figures.by_category}
        for down in figures.take_downs:
            day = "/".join(reversed(down.day.split("-")))
            _row(downs, (day, down.title, names.get(down.category, down.category), down.reason))

    if figures.questions is not None:  # issue 18: the annex's row 8, from the portal
        doc.add_heading(HEADINGS["questions"], level=3)
        for line in figures.questions.lines():
            doc.add_paragraph(line)

    doc.add_heading(HEADINGS["services"], level=1)
    doc.add_paragraph("1. Các dịch vụ hành chính công trực tuyến được đăng tải trên website:")
    doc.add_paragraph("a) Số lượng các dịch vụ hành chính công trực tuyến: " + BLANK)
    doc.add_paragraph("Trong đó, chia theo các mức độ:")
    levels = _table(doc, ("Mức độ 1", "Mức độ 2", "Mức độ 3", "Mức độ 4"))
    _row(levels, ("", "", "", ""))
    doc.add_paragraph("b) Với mỗi dịch vụ: tên dịch vụ, địa chỉ đăng tải, thời điểm đưa vào sử")
    doc.add_paragraph("dụng, cơ quan cung cấp dịch vụ: " + BLANK)
    sign = doc.add_paragraph()
    sign.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    sign.add_run("THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ\n").bold = True
    sign.add_run("(Ký tên, đóng dấu)").italic = True
    out = Path(path)
    doc.save(str(out))
    return out


def _table(doc: Any, headers: tuple[str, ...]) -> Any:
    table = doc.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    for c, text in enumerate(headers):
        table.rows[0].cells[c].text = text
    return table


def _row(table: Any, values: tuple[Any, ...]) -> None:
    cells = table.add_row().cells
    for c, value in enumerate(values):
        cells[c].text = str(value)


def _group_table(doc: Any, first: str, groups: list[GroupFigures], total: GroupFigures) -> None:
    table = _table(
        doc, (first, "Đã đăng", "Có thời hạn", "Đúng hạn", "Tỷ lệ đúng hạn", "Trả lại", "Gỡ bỏ")
    )
    for g in [*groups, total]:
        _row(
            table,
            (
                g.label,
                g.published,
                g.with_deadline,
                g.on_time,
                percent(g.on_time_share),
                g.returned,
                g.taken_down,
            ),
        )
