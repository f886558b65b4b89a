"""The look: one stylesheet and the user's font size, applied to the whole application."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from desktop.ui import icons


def apply(app: QApplication, font_points: int) -> None:
    font = app.font()
    font.setPointSize(font_points)
    app.setFont(font)
    app.setStyleSheet(icons.stylesheet())
