"""A consultation's draft and the comments it received, for the drafting agency (BD-11.9.c,
BD-13.7; issue 18): .docx (python-docx) or .pdf (Qt's layout, ``desktop.content.pdf``).

Names are kept, contact details are not: the rows given here hold only ``name``, ``body`` and
``created_at`` (the desk drops the e-mails before calling), and the comments' text is written
as text, never read as Markdown or HTML.
"""

from __future__ import annotations

import html
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from desktop.models import Item
from desktop.models.fields import fact_box

VIETNAM = timezone(timedelta(hours=7))


def _when(value: str) -> str:
    try:
        return datetime.fromisoformat(value).astimezone(VIETNAM).strftime("%d/%m/%Y %H:%M")
    except ValueError:
        return value


def _deadline(value: str) -> str:
    try:
        return datetime.fromisoformat(value).strftime("%d/%m/%Y")
    except ValueError:
        return value


def heading_lines(item: Item, count: int, deadline: str) -> list[str]:
    lines = [f"Số ý kiến góp ý nhận được: {count}."]
    if deadline:
        lines.insert(0, f"Hạn góp ý: {_deadline(deadline)}.")
    return lines


def write_docx(
    item: Item, comments: list[dict[str, Any]], path: Path, category: str, deadline: str
) -> Path:
    from docx import Document

    document = Document()
    document.core_properties.title = item.title
    document.add_heading("Tổng hợp ý kiến góp ý dự thảo", level=0)
    document.add_paragraph(category)
    document.add_heading(item.title, level=1)
    for line in heading_lines(item, len(comments), deadline):
        document.add_paragraph(line)
    facts = fact_box("consultation", item.metadata, "vi")
    if facts:
        table = document.add_table(rows=0, cols=2)
        table.style = "Table Grid"
        for key, value in facts:
            cells = table.add_row().cells
            cells[0].text, cells[1].text = key, value
    document.add_heading("Nội dung dự thảo", level=2)
    for paragraph in item.body.split("\n\n"):
        if paragraph.strip():
            document.add_paragraph(paragraph.strip())
    document.add_heading("Ý kiến góp ý", level=2)
    table = document.add_table(rows=1, cols=4)
    table.style = "Table Grid"
    for cell, text in zip(
        table.rows[0].cells, ("STT", "Người góp ý", "Thời gian", "Nội dung"), strict=True
    ):
        cell.text = text
    for number, comment in enumerate(comments, start=1):
        cells = table.add_row().cells
        cells[0].text = str(number)
        cells[1].text = comment["name"]
        cells[2].text = _when(comment["created_at"])
        cells[3].text = comment["body"]
    document.save(str(path))
    return path


def comments_html(item: Item, comments: list[dict[str, Any]], category: str, deadline: str) -> str:
    from desktop.content.export import export_html

    e = html.escape
    page = export_html(item)
    rows = "".join(
        f"<tr><td>{n}</td><td>{e(c['name'])}</td><td>{e(_when(c['created_at']))}</td>"
        f"<td>{e(c['body']).replace(chr(10), '<br>')}</td></tr>"
        for n, c in enumerate(comments, start=1)
    )
    intro = "".join(f"<p>{e(line)}</p>" for line in heading_lines(item, len(comments), deadline))
    section = (
        f"<h2>Ý kiến góp ý</h2><p>{e(category)}</p>{intro}"
        '<table class="comments" border="1" cellspacing="0" cellpadding="4">'
        "<tr><th>STT</th><th>Người góp ý</th><th>Thời gian</th><th>Nội dung</th></tr>"
        f"{rows}</table>"
    )
    return page.replace("</body></html>", section + "</body></html>")


def write_pdf(
    item: Item, comments: list[dict[str, Any]], path: Path, category: str, deadline: str
) -> Path:
    from desktop.content.pdf import write_pdf as print_pdf

    return print_pdf(comments_html(item, comments, category, deadline), path, item.title)
