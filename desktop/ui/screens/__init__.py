"""Registered screens: each declares its NAME, title, the right it needs and a count.

The shell shows the screens whose ``available`` is true for the signed-in person, in ``ORDER``;
adding a screen touches one file plus the import list below (like Picard's option pages).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from desktop.ui.services import ItemService, Session, SyncService
    from desktop.ui.settings import Settings


@dataclass
class Context:
    """What a screen may use: the services, the session and the settings; nothing global."""

    items: ItemService
    sync: SyncService | None
    settings: Settings
    open_item: Callable[[str], None]
    new_item: Callable[[], object]
    switch_language: Callable[[str], None]

    @property
    def session(self) -> Session:
        return self.items.session


class Screen(QWidget):
    """A page of the main window. Subclasses set NAME, ORDER and ICON, and override the rest."""

    NAME = ""
    ORDER = 0
    ICON = ""
    SHORTCUT = ""

    def __init__(self, context: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setObjectName(self.NAME)

    @classmethod
    def available(cls, context: Context) -> bool:
        """The right this screen needs, as a predicate on the user's roles and grants."""
        return True

    @classmethod
    def nav_title(cls) -> str:
        """The screen's name in the navigation: known before the screen is built (the
        window builds a screen the first time it is shown)."""
        raise NotImplementedError

    @classmethod
    def nav_count(cls, context: Context) -> int | None:
        """A number for the navigation (items waiting), or None for no number."""
        return None

    @classmethod
    def nav_count_text(cls, count: int) -> str:
        """What the number counts, said in the navigation ("3 chờ xử lý", "2 bản nháp")."""
        return QCoreApplication.translate("Screen", "%n waiting", "", count)

    def title(self) -> str:
        return self.nav_title()

    def count(self) -> int | None:
        return self.nav_count(self.context)

    def refresh(self) -> None:
        """Reload from the services; called when they signal a change."""

    def retranslate(self) -> None:
        """Set every visible text again after a language change."""


SCREENS: list[type[Screen]] = []


def register(cls: type[Screen]) -> type[Screen]:
    SCREENS.append(cls)
    SCREENS.sort(key=lambda screen: screen.ORDER)
    return cls


def load_screens() -> list[type[Screen]]:
    """Import the screen modules (each registers itself) and return them in order."""
    from desktop.ui.screens import conflicts, queues, settings_screen  # noqa: F401, I001
    from desktop.ui.screens import publish_queue, reports, search  # noqa: F401
    from desktop.ui.screens import grants  # noqa: F401  (issue 6)
    from desktop.ui.screens import questions  # noqa: F401  (issue 18)

    return list(SCREENS)


def screen_named(name: str) -> type[Screen]:
    for cls in load_screens():
        if name == cls.NAME:
            return cls
    raise KeyError(name)


__all__ = ["SCREENS", "Context", "Screen", "load_screens", "register", "screen_named"]
