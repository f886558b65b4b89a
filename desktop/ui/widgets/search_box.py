"""The toolbar's search box, always at hand: Ctrl+K and Ctrl+Shift+F go to it from anywhere;
Enter there shows the search screen (``screens/search.py``, imported only then) with the hits."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QLineEdit

if TYPE_CHECKING:
    from desktop.ui.shell import MainWindow


class SearchBox(QLineEdit):
    """The toolbar's search box: Enter shows the search screen with the hits."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window_ = window
        self.setObjectName("globalSearch")
        self.setClearButtonEnabled(True)
        self.setMinimumWidth(260)
        self.returnPressed.connect(self.go)
        self.retranslate()

    def go(self) -> asyncio.Future[Any] | None:
        window = self.window_
        if "search" not in window.screens:
            return None
        window.show_screen("search")
        screen = window.screens["search"]
        from desktop.ui.screens.search import SearchScreen

        assert isinstance(screen, SearchScreen)
        return screen.search_for(self.text())

    def focus(self) -> None:
        self.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.selectAll()

    def retranslate(self) -> None:
        self.setPlaceholderText(self.tr("Search (Ctrl+K)"))
        self.setAccessibleName(self.tr("Search all items"))
        self.setToolTip(
            self.tr("Search all items, with or without accents (Ctrl+K or Ctrl+Shift+F)")
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def install_search_box(window: MainWindow) -> SearchBox:
    """Put the search box in the window's toolbar, after "Sync now", with its shortcuts."""
    box = SearchBox(window)
    actions = window.toolbar.actions()
    position = actions.index(window.sync_action) + 1 if window.sync_action in actions else 0
    if position < len(actions):
        window.toolbar.insertWidget(actions[position], box)
    else:
        window.toolbar.addWidget(box)
    for sequence in ("Ctrl+K", "Ctrl+Shift+F"):
        shortcut = QShortcut(QKeySequence(sequence), window, box.focus)
        window.shortcuts[f"search {sequence}"] = shortcut
    return box
