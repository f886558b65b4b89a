"""The report as a Word file: the BD-27 annex ("Mẫu Báo cáo tình hình hoạt động của Website",
Decision 04/2013/QĐ-UBND) word for word (``annex.py``), the board's figures filled in under
II.2, the rest left for the user.

Section I (infrastructure) and III (online public services, counts by level 1–4) are facts the
board's store does not hold: their lines end in dots to fill. The self-assessment of section
II.1 (eight rows: full / partial / none) has empty boxes (☐) to tick.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from desktop.reports import annex
from desktop.reports.annex import BOX, SELF_ASSESSMENT
from desktop.reports.figures import GroupFigures, ReportFigures

BLANK = "…" * 12

HEADINGS = {
    "infrastructure": annex.INFRASTRUCTURE_HEADING,
    "information": annex.INFORMATION_HEADING,
    "self_assessment": annex.SELF_ASSESSMENT_INTRO,
    "figures": annex.RESPONSIBILITY_HEADING,
    "by_category": "2.1. Số tin, bài đã đăng theo chuyên mục",
    "by_unit": "2.2. Số tin, bài đã đăng theo đơn vị cung cấp thông tin",
    "deadline": "2.3. Tỷ lệ tin, bài đăng trong thời hạn quy định",
    "steps": "2.4. Thời gian xử lý trung bình qua từng bước",
    "returns": "2.5. Tin, bài bị trả lại và bị từ chối",
    "take_downs": "2.6. Tin, bài bị gỡ bỏ",
    "stale": "2.7. Chuyên mục phải cập nhật thường xuyên chưa được cập nhật",
    "row8": "Tiêu chí 8 – số liệu của Ban Biên tập",
    "services": annex.SERVICES_HEADING,
}


def filled(line: str, value: str = "") -> str:
    """An annex line that ends with a colon, followed by its value or dots to fill in."""
    if not line.endswith(":") or (line in annex.LEADS and not value):
        return line
    return f"{line} {value or BLANK}"


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
    superior: str = "",
) -> Path:
    """Write the report to ``path`` (.docx) and return the path.

    ``superior`` is the heading's first line (the annex's "UBND TỈNH BÌNH DƯƠNG"), ``agency``
    the reporting agency, ``place`` the town before the date.
    """
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    doc = Document()
    center = WD_ALIGN_PARAGRAPH.CENTER
    header = doc.add_table(rows=3, cols=2)
    cells = [
        (superior.upper() or "UBND TỈNH " + BLANK, annex.NATION[0]),
        (agency.upper() or "TÊN CƠ QUAN, ĐƠN VỊ", annex.NATION[1]),
        ("Số:      /BC-", f"{place or BLANK}, ngày …… tháng …… năm {figures.period.end.year}"),
    ]
    for r, (left, right) in enumerate(cells):
        header.cell(r, 0).text, header.cell(r, 1).text = left, right
        for c in (0, 1):
            header.cell(r, c).paragraphs[0].alignment = center
    title = doc.add_paragraph()
    title.alignment = center
    title.add_run("\n".join(annex.TITLE)).bold = True
    doc.add_paragraph(f"Kỳ báo cáo: {figures.period.label('vi')}").alignment = center
    known = {"portal_url": portal_url, "reporter": reporter, "agency": agency}
    for label, key in annex.IDENTITY:
        doc.add_paragraph(filled(f"{label}:", known.get(key, "")))

    doc.add_heading(annex.INFRASTRUCTURE_HEADING, level=1)
    for line in annex.INFRASTRUCTURE:
        doc.add_paragraph(filled(line))

    doc.add_heading(annex.INFORMATION_HEADING, level=1)
    doc.add_heading(annex.SELF_ASSESSMENT_INTRO, level=2)
    _self_assessment(doc)
    if figures.questions is not None:  # row 8's figures (desktop/reports/questions.py)
        doc.add_heading(HEADINGS["row8"], level=3)
        for line in figures.questions.lines("vi"):
            doc.add_paragraph(line)

    doc.add_heading(annex.RESPONSIBILITY_HEADING, level=2)
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
    doc.add_heading(HEADINGS["stale"], level=3)
    if figures.stale:
        stale = _table(doc, ("Chuyên mục", "Đăng lần cuối", "Số ngày"))
        for section in figures.stale:
            last = section.last_published
            _row(
                stale,
                (
                    section.name,
                    last.strftime("%d/%m/%Y") if last else "chưa có",
                    "" if section.days is None else section.days,
                ),
            )
    else:
        doc.add_paragraph("Các chuyên mục phải cập nhật thường xuyên đều được cập nhật.")

    doc.add_heading(annex.SERVICES_HEADING, level=1)
    for line in annex.SERVICES:
        doc.add_paragraph(filled(line))
        if line.startswith("Trong đó"):
            levels = _table(doc, annex.SERVICE_LEVELS)
            _row(levels, ("", "", "", ""))
    sign = doc.add_paragraph()
    sign.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    sign.add_run(annex.SIGNATURE[0] + "\n").bold = True
    sign.add_run(annex.SIGNATURE[1]).italic = True
    out = Path(path)
    doc.save(str(out))
    return out


def _self_assessment(doc: Any) -> None:
    """The annex's table: TT, criterion with its points (one paragraph each), three boxes."""
    table = doc.add_table(rows=2, cols=5)
    table.style = "Table Grid"
    first, second = table.rows[0].cells, table.rows[1].cells
    first[0].text, first[1].text = annex.SELF_ASSESSMENT_COLUMNS[:2]
    first[2].merge(first[4]).text = annex.SELF_ASSESSMENT_COLUMNS[2]
    for c, grade in enumerate(annex.GRADES, start=2):
        second[c].text = grade
    for n, (criterion, points) in enumerate(SELF_ASSESSMENT, start=1):
        row = table.add_row().cells
        row[0].text = str(n)
        row[1].text = criterion
        for point in points:
            row[1].add_paragraph(f"- {point}")
        for c in (2, 3, 4):
            row[c].text = BOX
    total = table.add_row().cells
    total[1].text = annex.TOTAL


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
