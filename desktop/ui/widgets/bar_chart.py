"""A plain horizontal bar chart drawn with QPainter.

QtCharts lives in PySide6-Addons, which the installer leaves out to stay small; the report only
needs bars with a label and a value, so a small widget does it (and follows the palette).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

BAR_HEIGHT = 18
GAP = 8


class BarChart(QWidget):
    """Bars for ``(label, value)`` pairs, longest first as given; ``shown(value)`` is the text
    printed at the end of each bar."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = ""
        self.bars: list[tuple[str, float]] = []
        self.shown: Callable[[float], str] = lambda v: f"{v:g}"
        self.empty_text = ""
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setMinimumWidth(160)

    def set_bars(
        self,
        title: str,
        bars: Sequence[tuple[str, float]],
        shown: Callable[[float], str] | None = None,
    ) -> None:
        self.title = title
        self.bars = [(label, max(float(value), 0.0)) for label, value in bars]
        if shown is not None:
            self.shown = shown
        self.setAccessibleName(title)
        self.setAccessibleDescription(
            "; ".join(f"{label}: {self.shown(value)}" for label, value in self.bars)
        )
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:
        line = self.fontMetrics().height()
        rows = max(len(self.bars), 1)
        return QSize(420, line + GAP * 2 + rows * (BAR_HEIGHT + GAP))

    def minimumSizeHint(self) -> QSize:
        return QSize(160, self.sizeHint().height())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        metrics = self.fontMetrics()
        painter.setPen(palette.color(QPalette.ColorRole.WindowText))
        title_font = self.font()
        title_font.setBold(True)
        painter.setFont(title_font)
        painter.drawText(0, metrics.ascent() + 2, self.title)
        painter.setFont(self.font())
        top = metrics.height() + GAP
        if not self.bars:
            painter.drawText(0, top + metrics.ascent(), self.empty_text)
            painter.end()
            return
        label_width = min(
            max(metrics.horizontalAdvance(label) for label, _ in self.bars) + GAP,
            self.width() // 3,
        )
        value_width = max(metrics.horizontalAdvance(self.shown(v)) for _, v in self.bars) + GAP
        room = max(self.width() - label_width - value_width - GAP, 10)
        biggest = max((v for _, v in self.bars), default=0.0) or 1.0
        bar_color = palette.color(QPalette.ColorRole.Highlight)
        for row, (label, value) in enumerate(self.bars):
            y = top + row * (BAR_HEIGHT + GAP)
            text_rect = QRectF(0, y, label_width - GAP, BAR_HEIGHT)
            elided = metrics.elidedText(label, Qt.TextElideMode.ElideRight, label_width - GAP)
            painter.setPen(palette.color(QPalette.ColorRole.WindowText))
            painter.drawText(
                text_rect, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), elided
            )
            width = room * value / biggest
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(bar_color)
            painter.drawRoundedRect(QRectF(label_width, y + 2, max(width, 1), BAR_HEIGHT - 4), 2, 2)
            painter.setPen(palette.color(QPalette.ColorRole.WindowText))
            painter.drawText(
                QRectF(label_width + width + GAP / 2, y, value_width, BAR_HEIGHT),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                self.shown(value),
            )
        painter.end()
