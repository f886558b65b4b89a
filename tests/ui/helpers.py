"""Test helpers: a signed-in person (store, engine, services, window) and Vietnamese typing."""

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
    store: Any
    client: Any
    engine: Any
    items: Any
    sync: Any
    window: Any


class Desk:
    """Signs demo accounts in; ``offline(person)`` points its engine at a closed port."""

    def __init__(self, qtbot: Any, run: Any, root: Path, settings: Any, url: str) -> None:
        self.qtbot, self.run, self.root, self.settings, self.url = qtbot, run, root, settings, url
        self.people: list[Person] = []
        self._extra: list[Any] = []

    def sign_in(self, username: str) -> Person:
        from desktop.store import Store
        from desktop.sync import PortalClient, SyncEngine
        from desktop.ui.services import ItemService, SyncService, session_from_me
        from desktop.ui.shell import MainWindow

        store = Store.open(self.root / f"{username}.sqlite3")
        client = PortalClient(self.url, retries=0)
        me = self.run(client.login(username, DEMO_PASSWORD))
        store.set_me(me)
        engine = SyncEngine(store, client)
        self.run(engine.sync(directory=True))
        items = ItemService(store, session_from_me(store.me()))
        sync = SyncService(engine, items, 3600)
        window = MainWindow(items, sync, self.settings)
        self.qtbot.addWidget(window)
        window.show()
        person = Person(username, store, client, engine, items, sync, window)
        self.people.append(person)
        self.sync(person)
        return person

    def sync(self, person: Person) -> None:
        task = person.sync.sync_now()
        assert task is not None
        self.run(task)
        while person.sync._task is not None and not person.sync._task.done():
            self.run(person.sync._task)

    def offline(self, person: Person) -> None:
        """Swap in an engine whose portal cannot be reached (a closed loopback port)."""
        from desktop.sync import PortalClient, SyncEngine

        dead = PortalClient("http://127.0.0.1:9", retries=0, timeout=2)
        dead.access_token = person.client.access_token
        dead.refresh_token = person.client.refresh_token
        engine = SyncEngine(person.store, dead)
        self._extra.append((dead, engine))
        person.sync.engine = engine

    def online(self, person: Person) -> None:
        person.sync.engine = person.engine

    def close(self) -> None:
        for person in self.people:
            with contextlib.suppress(RuntimeError):  # qtbot may have deleted them already
                person.sync.timer.stop()
                person.sync.debounce.stop()
                person.window.close()
            self.run(person.engine.aclose())
            self.run(person.client.aclose())
            reads = getattr(person.items, "_lookups", None)
            if reads is not None:
                reads.close()
            person.store.close()
        for client, engine in self._extra:
            self.run(engine.aclose())
            self.run(client.aclose())
