"""Icons drawn as SVG in resources/icons, loaded by name."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from PySide6.QtGui import QIcon

from desktop.ui.i18n import RESOURCES

ICON_DIR = RESOURCES / "icons"
#: The sizes the main window paints its icons at: the navigation's (shell.py), the toolbar's
#: (the style's default).
NAVIGATION_SIZE = 20
TOOLBAR_SIZE = 24


@cache
def icon(name: str) -> QIcon:
    path = ICON_DIR / f"{name}.svg"
    return QIcon(str(path)) if path.exists() else QIcon()


def stylesheet() -> str:
    path = RESOURCES / "style.qss"
    return path.read_text(encoding="utf-8") if path.exists() else ""


def preload(names: Iterable[str], sizes: Iterable[int] = (NAVIGATION_SIZE, TOOLBAR_SIZE)) -> None:
    """Load and render icons ahead of the window that shows them (the first SVG loads Qt's
    icon engine, and each is drawn at its first paint): one short turn of the loop before the
    window rather than longer ones while it is built and first painted."""
    sizes = tuple(sizes)
    for name in names:
        for size in sizes:
            icon(name).pixmap(size, size)  # rendered now and cached by the icon engine
