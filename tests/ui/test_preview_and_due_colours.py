"""What the editor's preview never shows, and how queues mark late and due-soon items."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from desktop.ui.services import QueueRow
from desktop.ui.widgets.media import PreviewBrowser, preview_html
from desktop.ui.widgets.queue import QueueModel

HOSTILE = [
    "<script>alert('x')</script>",
    '<img src="/media/abc" onerror="alert(1)">',
    "[bấm vào đây](javascript:alert(1))",
    "[dữ liệu](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    '<iframe src="https://evil.example/"></iframe>',
    '<p style="background:url(javascript:alert(1))">x</p>',
    "<svg onload=alert(1)>",
]


@pytest.mark.parametrize("markdown", HOSTILE)
def test_the_preview_shows_what_the_portal_shows_and_no_more(qtbot: Any, markdown: str) -> None:
    html = preview_html("Tiêu đề", "Sapo", "Đoạn đầu.\n\n" + markdown, "vi")
    browser = PreviewBrowser()
    qtbot.addWidget(browser)
    browser.setHtml(html)
    for shown in (html.lower(), browser.toHtml().lower()):
        for needle in (
            "<script",
            "onerror",
            "onload",
            "javascript:",
            "data:text",
            "evil.example",
            "alert('x')",
        ):
            assert needle not in shown
    assert "Đoạn đầu." in browser.toPlainText()


def test_queues_mark_late_and_due_soon_in_colour_and_in_words(qtbot: Any) -> None:
    def row(item_id: str, status: str, label: str) -> QueueRow:
        return QueueRow(
            id=item_id,
            title=item_id,
            category="",
            author="",
            state="submitted",
            state_since=None,
            created_by="tv1",
            due=label,
            due_iso="2026-02-24",
            due_status=status,
        )

    model = QueueModel()
    model.set_rows(
        [
            row("late", "late", "24/02/2026 · quá hạn"),
            row("soon", "due_soon", "24/02/2026 · sắp đến hạn"),
            row("fine", "", "24/02/2026"),
        ]
    )
    due = 5
    colour = [model.data(model.index(n, due), Qt.ItemDataRole.ForegroundRole) for n in range(3)]
    assert isinstance(colour[0], QColor) and colour[0].red() > colour[0].green()  # red
    assert isinstance(colour[1], QColor) and colour[1] != colour[0]  # amber
    assert colour[2] is None
    shown = [model.data(model.index(n, due)) for n in range(3)]
    assert "quá hạn" in shown[0] and "sắp đến hạn" in shown[1]  # not colour alone
