"""The main window's size and place, kept from one run to the next."""

from __future__ import annotations

from PySide6.QtCore import QByteArray
from PySide6.QtWidgets import QMainWindow

from desktop.ui import settings as options
from desktop.ui.settings import Settings


def restore(window: QMainWindow, settings: Settings) -> None:
    """The size and place of the last run; the first time, most of the screen (the editor needs
    room: 1200×760 was cramped)."""
    saved = settings.get(options.WINDOW_GEOMETRY)
    if saved and window.restoreGeometry(QByteArray.fromHex(saved.encode("ascii"))):
        return
    screen = window.screen().availableGeometry()
    window.resize(min(1440, int(screen.width() * 0.92)), min(920, int(screen.height() * 0.9)))


def save(window: QMainWindow, settings: Settings) -> None:
    settings.set(
        options.WINDOW_GEOMETRY, bytes(window.saveGeometry().toHex().data()).decode("ascii")
    )
