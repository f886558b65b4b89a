"""Test helpers: signed-in people (the real ``desktop.desk.Desk``, its adapters and a main
window each) and Vietnamese typing."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget

DEMO_PASSWORD = "bien-tap-demo-2026"


def type_text(widget: QWidget, text: str) -> None:
    """Type one character at a time; keyClicks aborts on non-Latin-1 (platform-notes.md)."""
    widget.setFocus()
    for ch in text:
        if ch == "\n":
            QTest.keyClick(widget, Qt.Key.Key_Return)
        else:
            QTest.sendKeyEvent(
                QTest.KeyAction.Click,
                widget,
                Qt.Key.Key_unknown,
                ch,
                Qt.KeyboardModifier.NoModifier,
            )


@dataclass
class Person:
    username: str
    desk: Any  # desktop.desk.Desk
    items: Any  # desktop.ui.services.ItemService
    sync: Any  # desktop.ui.services.SyncService
    window: Any

    @property
    def store(self) -> Any:
        return self.desk.store

    @property
    def client(self) -> Any:
        return self.desk.client

    @property
    def engine(self) -> Any:
        return self.desk.engine


class People:
    """Signs demo accounts in (``desktop.desk.signin.sign_in``, an encrypted store each);
    ``offline(person)`` points their session at a closed port."""

    def __init__(self, qtbot: Any, run: Any, root: Path, settings: Any, url: str) -> None:
        self.qtbot, self.run, self.root, self.settings, self.url = qtbot, run, root, settings, url
        self.people: list[Person] = []
        self._dead: list[Any] = []
        self._live: dict[str, Any] = {}

    def sign_in(self, username: str) -> Person:
        from desktop.desk.signin import sign_in
        from desktop.ui.services import ItemService, SyncService
        from desktop.ui.shell import MainWindow

        path = self.root / f"{username}.sqlite3"
        desk = self.run(sign_in(self.url, username, DEMO_PASSWORD, path, retries=0))
        self.run(desk.sync(directory=True))
        items = ItemService(desk)
        sync = SyncService(desk, items)
        window = MainWindow(items, sync, self.settings)
        self.qtbot.addWidget(window)
        window.show()
        person = Person(username, desk, items, sync, window)
        self.people.append(person)
        self.sync(person)
        return person

    def sync(self, person: Person) -> Any:
        return self.run(person.desk.sync())

    def offline(self, person: Person) -> None:
        """Swap in a session whose portal cannot be reached (a closed loopback port)."""
        from desktop.sync import PortalClient

        dead = PortalClient("http://127.0.0.1:9", retries=0, timeout=2)
        dead.access_token = person.client.access_token
        dead.refresh_token = person.client.refresh_token
        self._dead.append(dead)
        self._live[person.username] = person.desk.client
        person.desk.client = person.desk.engine.client = dead

    def online(self, person: Person) -> None:
        live = self._live.pop(person.username)
        person.desk.client = person.desk.engine.client = live

    def close(self) -> None:
        for person in self.people:
            with contextlib.suppress(RuntimeError):  # qtbot may have deleted them already
                person.window.close()
            if person.username in self._live:
                self.online(person)
            self.run(person.desk.close())
        for client in self._dead:
            self.run(client.aclose())
