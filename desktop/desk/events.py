"""What a desk announces when something changed, as typed events (calibre's ``EventType``).

The screens turn them into Qt signals (``desktop.ui.services``), the command line ignores most of
them, and tests read them as a plain list. Handlers run on the desk's event loop, in the order
they subscribed; a failing handler is logged and never stops the others or the desk.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop.sync.engine import SyncReport

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ItemsChanged:
    """Items changed in the store; ``ids`` None: any number of them (a sync, a first read)."""

    ids: frozenset[str] | None = None
    local: bool = False  # the person did it here (a save, an action): a sync follows soon


@dataclass(frozen=True)
class RowsRead:
    """The first read of the queues' rows has come back (the window can leave "reading…")."""


@dataclass(frozen=True)
class SyncStarted:
    pass


@dataclass(frozen=True)
class SyncFinished:
    report: SyncReport | None
    reached: bool


@dataclass(frozen=True)
class StatusChanged:
    """Online, pending, last sync or last error changed: the status bar redraws."""


@dataclass(frozen=True)
class DirectoryChanged:
    """Roles, grants, categories or the calendar changed: queues and rights follow at once."""


@dataclass(frozen=True)
class PasswordChangeRequired:
    """The portal answered 403 password_change_required: nothing but the change works."""


Event = (
    ItemsChanged
    | RowsRead
    | SyncStarted
    | SyncFinished
    | StatusChanged
    | DirectoryChanged
    | PasswordChangeRequired
)
Handler = Callable[[Event], None]


class Events:
    """A small synchronous bus: ``subscribe`` returns the function that unsubscribes."""

    def __init__(self) -> None:
        self._handlers: list[Handler] = []

    def subscribe(self, handler: Handler) -> Callable[[], None]:
        self._handlers.append(handler)

        def unsubscribe() -> None:
            if handler in self._handlers:
                self._handlers.remove(handler)

        return unsubscribe

    def emit(self, event: Event) -> None:
        for handler in list(self._handlers):
            try:
                handler(event)
            except Exception:  # a screen's bug must not stop the desk
                log.exception("an event handler failed on %s", type(event).__name__)
