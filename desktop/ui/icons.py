"""Icons drawn as SVG in resources/icons, loaded by name."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from PySide6.QtGui import QIcon

from desktop.ui.i18n import RESOURCES

ICON_DIR = RESOURCES / "icons"


@cache
def icon(name: str) -> QIcon:
    path = ICON_DIR / f"{name}.svg"
    return QIcon(str(path)) if path.exists() else QIcon()


def stylesheet() -> str:
    path = RESOURCES / "style.qss"
    return path.read_text(encoding="utf-8") if path.exists() else ""


def preload(names: Iterable[str]) -> None:
    """Load icons ahead of the window that shows them (the first SVG loads Qt's icon engine):
    one short turn of the loop before the window rather than a longer one while building it."""
    for name in names:
        icon(name)
