"""The screens' adapters over the application layer (``desktop.desk``): Qt signals from the
desk's events, and its actions run in the background through ``run_op``.

The screens know no SQL, HTTP or outbox: they read through ``ItemService`` (point reads on the
loop's thread, the queues' rows from the desk's read-model) and every write goes through the
desk's writer thread. Nothing here decides anything: the rules are the desk's and the domain's.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from desktop.desk.events import (
    DirectoryChanged,
    Event,
    ItemsChanged,
    PasswordChangeRequired,
    RowsRead,
    StatusChanged,
    SyncFinished,
    SyncStarted,
)
from desktop.desk.queue import QueueRow
from desktop.desk.session import Session, session_from_me
from desktop.models import Action, Category, Item
from desktop.ui.ops import current_language, error_sentence, run_op

if TYPE_CHECKING:
    from desktop.desk import Desk
    from desktop.store import Store

log = logging.getLogger(__name__)

#: What runs with a write's result once it is done (on the loop's thread).
Done = Callable[[Any], None] | None

__all__ = [
    "ItemService",
    "QueueRow",
    "Session",
    "SyncService",
    "current_language",
    "error_sentence",
    "run_op",
    "session_from_me",
]


class ItemService(QObject):
    """Items as the screens see them; writes go to the desk and come back as signals."""

    itemsChanged = Signal()
    itemChanged = Signal(str)
    localChange = Signal()
    rowsLoaded = Signal()  # the first read of the rows has come back
    directoryChanged = Signal()
    failed = Signal(str)  # a write the desk refused or could not do, as one sentence

    def __init__(self, desk: Desk) -> None:
        super().__init__()
        self.desk = desk
        self._unsubscribe = desk.events.subscribe(self._on_event)

    def _on_event(self, event: Event) -> None:
        if isinstance(event, ItemsChanged):
            for item_id in sorted(event.ids or ()):
                self.itemChanged.emit(item_id)
            self.itemsChanged.emit()
            if event.local:
                self.localChange.emit()
        elif isinstance(event, RowsRead):
            self.rowsLoaded.emit()
        elif isinstance(event, DirectoryChanged):
            self.directoryChanged.emit()

    def detach(self) -> None:
        self._unsubscribe()

    # reading
    @property
    def session(self) -> Session:
        return self.desk.session

    @property
    def store(self) -> Store:
        """The loop thread's connection: point reads only (writes go through the desk)."""
        return self.desk.store

    @property
    def loading(self) -> bool:
        return self.desk.queue.loading

    def rows(self, states: Iterable[str] | None = None, mine: bool = False) -> list[QueueRow]:
        return self.desk.rows(states, mine)

    def rows_key(self) -> tuple[Any, ...]:
        return self.desk.rows_key()

    def local(self, item_id: str) -> Any:
        return self.desk.local(item_id)

    def current(self, item_id: str) -> Item | None:
        return self.desk.item(item_id)

    def sync_status(self, item_id: str) -> str:
        return self.desk.sync_status(item_id)

    def categories(self) -> list[Category]:
        return self.desk.categories()

    def category_map(self) -> dict[str, Category] | None:
        return self.desk.category_map()

    def category_name(self, category_id: str) -> str:
        return self.desk.category_name(category_id)

    def member_names(self) -> dict[str, str]:
        return self.desk.member_names()

    def comments(self, item_id: str) -> list[Any]:
        return self.desk.comments(item_id)

    def versions(self, item_id: str) -> list[Any]:
        return self.desk.versions(item_id)

    def conflicts(self) -> list[Any]:
        return self.desk.conflicts()

    def failures(self, item_id: str) -> list[Any]:
        return self.desk.failures(item_id)

    def pending_count(self) -> int:
        return self.desk.pending_count()

    def blob(self, sha256: str) -> bytes | None:
        return self.desk.blob(sha256)

    def request_history(self, item_id: str) -> asyncio.Future[Any] | None:
        """Fetch the history in the background when the portal is reachable; quiet otherwise."""
        return run_op(
            None,
            lambda: self.desk.fetch_history(item_id),
            failure=lambda text: log.info("history: %s", text),
        )

    # writing: each runs the desk's write in the background and returns its future (tests
    # await it); ``done`` gets the result, a failure goes to ``failed`` as one sentence.
    def create_draft(
        self, category: str = "", *, done: Done = None, **content: Any
    ) -> asyncio.Future[Any] | None:
        return self._write(lambda: self.desk.create(category, **content), done)

    def save(self, item_id: str, **content: Any) -> asyncio.Future[Any] | None:
        return self._write(lambda: self.desk.save(item_id, **content))

    def act(
        self, item_id: str, action: Action | str, comment: str | None = None, done: Done = None
    ) -> asyncio.Future[Any] | None:
        return self._write(lambda: self.desk.act(item_id, action, comment), done)

    def comment(self, item_id: str, body: str) -> asyncio.Future[Any] | None:
        return self._write(lambda: self.desk.comment(item_id, body))

    def resolve_conflict(
        self, conflict: Any, resolution: str | dict[str, Any], done: Done = None
    ) -> asyncio.Future[Any] | None:
        return self._write(lambda: self.desk.resolve(int(conflict.id), resolution), done)

    def attach(self, item_id: str, path: Path, done: Done = None) -> asyncio.Future[Any] | None:
        return self._write(lambda: self.desk.attach(item_id, path), done)

    def delete(self, item_id: str, done: Done = None) -> asyncio.Future[Any] | None:
        return self._write(lambda: self.desk.delete(item_id), done)

    def dismiss_failures(self, item_id: str) -> asyncio.Future[Any] | None:
        return self._write(lambda: self.desk.dismiss_failures(item_id))

    def restore(self, item_id: str, version: int, done: Done = None) -> asyncio.Future[Any] | None:
        """Version N's content back as the working copy (issue 20)."""
        return self._write(lambda: self.desk.restore(item_id, version), done)

    def import_files(self, paths: list[Path], done: Done = None) -> asyncio.Future[Any] | None:
        """A draft per .md/.docx file (issue 20); ``done`` gets the outcomes."""
        from desktop.desk.imports import import_files

        return self._write(lambda: import_files(self.desk, paths, self.desk.site), done)

    def _write(
        self, work: Callable[[], Awaitable[Any]], done: Done = None
    ) -> asyncio.Future[Any] | None:
        return run_op(None, work, success=done, failure=self.failed.emit)


class SyncService(QObject):
    """The desk's sync as the status bar and the screens see it."""

    syncStarted = Signal()
    syncFinished = Signal(bool)
    statusChanged = Signal()
    passwordChangeRequired = Signal()  # a sync met 403 password_change_required (issue 5)

    def __init__(self, desk: Desk, items: ItemService) -> None:
        super().__init__()
        self.desk = desk
        self.items = items
        self._unsubscribe = desk.events.subscribe(self._on_event)

    def _on_event(self, event: Event) -> None:
        if isinstance(event, SyncStarted):
            self.syncStarted.emit()
        elif isinstance(event, SyncFinished):
            self.syncFinished.emit(event.reached)
        elif isinstance(event, StatusChanged):
            self.statusChanged.emit()
        elif isinstance(event, PasswordChangeRequired):
            self.passwordChangeRequired.emit()

    def detach(self) -> None:
        self._unsubscribe()

    @property
    def state(self) -> Any:
        return self.desk.state

    @property
    def engine(self) -> Any:
        return self.desk.engine

    def start(self) -> None:
        self.desk.start()

    def set_interval(self, seconds: int) -> None:
        self.desk.scheduler.set_interval(seconds)

    def sync_now(self) -> asyncio.Future[Any] | None:
        """A sync as soon as possible; a request during a run queues one more run. The
        future (also kept as ``requested``) has the report of a sync that began after it."""
        if self.desk.engine is None:
            return None
        self.requested = self.desk.sync_now()
        return self.requested

    #: The future of the last ``sync_now`` (F5, "Sync now"), for whoever waits on it.
    requested: asyncio.Future[Any] | None = None

    def pause(self) -> asyncio.Future[Any]:
        """No sync until ``resume`` (the forced password change: nothing else may go)."""
        return asyncio.ensure_future(self.desk.scheduler.stop())

    def resume(self) -> None:
        self.desk.start()
