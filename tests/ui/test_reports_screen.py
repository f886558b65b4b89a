"""The reports screen: figures for the head, charts, export to .docx (read back) and .csv."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from desktop.models import State
from tests.ui.helpers import People
from tests.ui.test_screens import cut_off, grab, shots_dir, untranslated


def test_head_makes_and_exports_the_report(desk: People, tmp_path: Path) -> None:
    head = desk.sign_in("truongban")
    window = head.window
    screen: Any = window.page("reports")
    window.show_screen("reports")
    if screen.task is not None:
        desk.run(screen.task)
    figures = screen.figures
    assert figures is not None
    published = len(head.items.rows(states=[State.PUBLISHED.value, State.TAKEN_DOWN.value]))
    assert 0 < figures.total.published <= published
    assert screen.by_category.rowCount() == len(figures.by_category)
    assert screen.category_chart.bars and screen.step_chart.bars
    assert str(figures.total.published) in screen.summary.text()
    grab(window, shots_dir(tmp_path) / "vi-head-reports.png")
    assert not cut_off(window)
    assert not untranslated(window, "vi")

    target = tmp_path / "out" / "bao-cao"
    target.parent.mkdir()
    screen.ask_path = lambda *_: str(target)
    path = screen.export("docx")
    assert path == target.with_name("bao-cao.docx") and path.exists()
    from docx import Document

    text = "\n".join(p.text for p in Document(str(path)).paragraphs)
    cells = [c.text for t in Document(str(path)).tables for r in t.rows for c in r.cells]
    assert "BÁO CÁO" in text.upper()
    assert str(figures.total.published) in cells
    csv_path = screen.export("csv")
    assert csv_path is not None and csv_path.read_text(encoding="utf-8-sig").count("\n") > 3
    screen.ask_path = lambda *_: ""  # cancelled
    assert screen.export("csv") is None


def test_stale_store_warns_and_members_see_no_reports(desk: People) -> None:
    head = desk.sign_in("truongban")
    head.store.set_meta("last_sync", None)  # as if never synced
    screen: Any = head.window.page("reports")
    screen.kind.setCurrentIndex(screen.kind.findData("quarter"))
    desk.run(screen.compute())
    assert screen.figures is not None and not screen.figures.up_to_date
    assert not screen.warning.isHidden()
    assert "Cảnh báo" in screen.warning.text()
    member = desk.sign_in("thanhvien1")
    assert "reports" not in member.window.visible_screen_names()
    assert "reports" in desk.sign_in("phoban").window.visible_screen_names()
