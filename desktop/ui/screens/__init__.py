"""Registered screens: each declares its NAME, title, the right it needs and a count.

The shell shows the screens whose ``available`` is true for the signed-in person, in ``ORDER``;
adding a screen touches one file plus the import list below (like Picard's option pages).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar

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


class Entry:
    """What the navigation knows of a screen before it is built: its name, place, icon, the
    right it needs, its title and count. A screen whose module is heavy to import (reports,
    search, conflicts, citizens' questions) has its entry in ``entries.py`` and names its
    ``MODULE``: the module is imported the first time the screen is shown, not at start."""

    NAME = ""
    ORDER = 0
    ICON = ""
    SHORTCUT = ""
    #: The module of the screen's widget, for an entry registered apart from it.
    MODULE = ""

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

    @classmethod
    def widget_class(cls) -> type[Screen]:
        """The screen's widget class: itself, or the subclass of this entry in ``MODULE``."""
        if issubclass(cls, Screen):
            return cls
        module = importlib.import_module(cls.MODULE)
        for value in vars(module).values():
            if isinstance(value, type) and issubclass(value, cls) and issubclass(value, Screen):
                return value
        raise LookupError(f"no screen for {cls.NAME} in {cls.MODULE}")


class Screen(Entry, QWidget):
    """A page of the main window. Subclasses set NAME, ORDER and ICON (or inherit them from
    their entry), and override the rest."""

    def __init__(self, context: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setObjectName(self.NAME)

    def title(self) -> str:
        return self.nav_title()

    def count(self) -> int | None:
        return self.nav_count(self.context)

    def refresh(self) -> None:
        """Reload from the services; called when they signal a change."""

    def retranslate(self) -> None:
        """Set every visible text again after a language change."""


SCREENS: list[type[Entry]] = []

E = TypeVar("E", bound=type[Entry])


def register(cls: E) -> E:
    SCREENS.append(cls)
    SCREENS.sort(key=lambda screen: screen.ORDER)
    return cls


def load_screens() -> list[type[Entry]]:
    """Import the queues' module (its screens register themselves: the first window shows one)
    and the entries of the screens whose modules wait until they are shown; return them in
    order."""
    from desktop.ui.screens import entries, queues  # noqa: F401

    return list(SCREENS)


def screen_named(name: str) -> type[Screen]:
    for cls in load_screens():
        if name == cls.NAME:
            return cls.widget_class()
    raise KeyError(name)


__all__ = ["SCREENS", "Context", "Entry", "Screen", "load_screens", "register", "screen_named"]
