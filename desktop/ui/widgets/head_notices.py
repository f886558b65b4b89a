"""The head's banner (issue 19): the yearly report's due dates coming up (20/11, 1/12) and the
sections to keep current (BD-13.1, AG-12.1.a) that have gone quiet. A thin view over
``Desk.report_reminders`` and ``Desk.stale_sections``; hidden when there is nothing to say."""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from desktop.ui.ops import current_language


class HeadNoticesBar(QLabel):
    def __init__(self, desk: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        # The day the notices are for (None: today in the site's zone); tests set their own.
        self.today: Callable[[], date | None] = lambda: None
        self.setObjectName("banner")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setStyleSheet(
            "QLabel#banner { background: #fff4ce; border: 1px solid #e0c060; padding: 6px; }"
        )
        self.reminders: list[str] = []
        self.stale: list[str] = []
        self.hide()

    def refresh(self) -> None:
        """Read the notices again (after a sync, a directory change, a new day)."""
        language = "vi" if current_language() == "vi" else "en"
        day = self.today()
        try:
            self.reminders = [r.message(language) for r in self.desk.report_reminders(day)]
            self.stale = [s.sentence(language) for s in self.desk.stale_sections(day)]
        except Exception:  # a store closing under us: say nothing rather than break the window
            self.reminders, self.stale = [], []
        self.retranslate()

    def retranslate(self) -> None:
        parts: list[str] = []
        report = self.tr("Yearly report")
        quiet = self.tr("Sections not updated for too long")
        if self.reminders:
            lines = " ".join(html.escape(line) for line in self.reminders)
            parts.append(f"<b>{html.escape(report)}:</b> {lines}")
        if self.stale:
            lines = "; ".join(html.escape(line) for line in self.stale)
            parts.append(f"<b>{html.escape(quiet)}:</b> {lines}")
        self.setText("<br>".join(parts))
        self.setVisible(bool(parts))
        self.setAccessibleName(self.tr("Reminders"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.refresh()
        super().changeEvent(event)


def under_head_notices(
    desk: Any, stack: QWidget, parent: QWidget, read: bool = True
) -> tuple[HeadNoticesBar, QWidget]:
    """The window's screens under the head's banner: the banner and the widget holding both.
    ``read``: read the notices now; the window opening before its rows reads them with the
    rows (the banner is the head's alone, and a query of the store: not before the first paint)."""
    holder = QWidget(parent)
    box = QVBoxLayout(holder)
    box.setContentsMargins(0, 0, 0, 0)
    bar = HeadNoticesBar(desk, holder)
    box.addWidget(bar)
    box.addWidget(stack, 1)
    if read:
        bar.refresh()
    return bar, holder
