"""The only part of desktop/ui that touches the store and the sync engine.

Screens call small services and redraw themselves when a service signals a change; no screen
knows about SQL, HTTP or the outbox. Background work goes through ``run_op`` (desktop.ui.ops).
"""

from __future__ import annotations

import asyncio
import logging
import mimetypes
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from desktop.models import (
    Action,
    Category,
    Item,
    State,
    apply_action,
)
from desktop.models.workflow import transition_for
from desktop.ui.ops import current_language, error_sentence, run_op
from desktop.ui.qtcompat import emit
from desktop.ui.session import Session, session_from_me

log = logging.getLogger(__name__)

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


MAX_ATTACHMENT = 20 * 1024 * 1024  # the portal's blob limit (docs/api.md)


class AttachmentTooLarge(ValueError):
    def message(self, language: str = "vi") -> str:
        if language == "vi":
            return f"Tệp “{self.args[0]}” lớn hơn 20 MB, cổng thông tin không nhận."
        return f"The file “{self.args[0]}” is larger than 20 MB; the portal does not accept it."


# --- rows for the queues ----------------------------------------------------------------------


@dataclass(frozen=True)
class QueueRow:
    """What a queue shows for one item: the listed columns, never the body."""

    id: str
    title: str
    category: str
    author: str
    state: str
    state_since: datetime | None
    created_by: str
    sync_status: str = "synced"
    due: str = ""


def _attr(row: Any, *names: str, default: Any = "") -> Any:
    for name in names:
        if isinstance(row, dict) and name in row:
            return row[name]
        if hasattr(row, name):
            return getattr(row, name)
    return default


def _when(value: Any) -> datetime | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=UTC)
    try:
        parsed = datetime.fromisoformat(str(value))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def queue_row(row: Any) -> QueueRow:
    """Adapt the store's ItemRow (or an Item) to the queue's columns."""
    state = _attr(row, "state", default="draft")
    return QueueRow(
        id=str(_attr(row, "id", "item_id")),
        title=str(_attr(row, "title")),
        category=str(_attr(row, "category")),
        author=str(_attr(row, "author") or _attr(row, "created_by")),
        state=str(getattr(state, "value", state)),
        state_since=_when(_attr(row, "state_since", "updated_at", default=None)),
        created_by=str(_attr(row, "created_by")),
        sync_status=str(_attr(row, "sync_status", default="synced") or "synced"),
        due=str(_attr(row, "due", "due_date", default="") or ""),
    )


def _pending_status(row: QueueRow) -> str:
    return "pending" if row.sync_status == "synced" else row.sync_status


# --- the services ------------------------------------------------------------------------------


class ItemService(QObject):
    """Reads and writes items in the local store; never waits on the network."""

    itemsChanged = Signal()
    itemChanged = Signal(str)
    localChange = Signal()

    def __init__(self, store: Any, session: Session) -> None:
        super().__init__()
        self.store = store
        self.session = session
        self._categories: list[Category] | None = None
        # Actions queued here but not yet answered by the portal: (action, server version then).
        # The store keeps the server's state until sync; the screens show the expected one.
        self._queued: dict[str, list[tuple[Action, int]]] = {}
        #: Set by SyncService: fetches an item's history from the portal into the store.
        self.history_loader: Callable[[str], Awaitable[None]] | None = None

    # reading
    def rows(self, states: Iterable[str] | None = None, mine: bool = False) -> list[QueueRow]:
        kwargs: dict[str, Any] = {"site": self.session.site}
        if states is not None:
            kwargs["states"] = list(states)
        if mine:
            kwargs["created_by"] = self.session.user.username
        rows = [queue_row(r) for r in self.store.list_items(**kwargs)]
        if not self._queued:
            return rows
        wanted = set(states) if states is not None else None
        everything = (
            rows
            if wanted is None
            else [queue_row(r) for r in self.store.list_items(**{**kwargs, "states": None})]
        )
        result = []
        for row in everything:
            state = self._expected_state(row.id, State(row.state))
            if wanted is None or state.value in wanted:
                result.append(replace(row, state=state.value, sync_status=_pending_status(row)))
        return result

    def _expected_state(self, item_id: str, state: State) -> State:
        for action, _version in self._queued.get(item_id, ()):
            transition = transition_for(state, action)
            if transition is not None:
                state = transition.target
        return state

    def local(self, item_id: str) -> Any:
        return self.store.item(item_id)

    def current(self, item_id: str) -> Item | None:
        """The item as this user sees it now: their working copy if any, else the server's."""
        local = self.store.item(item_id)
        if local is None:
            return None
        item = getattr(local, "working", None) or getattr(local, "server", None)
        if isinstance(item, dict):
            item = Item.from_dict(item)
        if item is None:
            return None
        for action, _version in self._queued.get(item_id, ()):
            if transition_for(item.state, action) is not None:
                item = apply_action(item, action, self.session.user, self.session.now())
        return item

    def forget_answered(self) -> None:
        """After a sync: drop expected states the portal has answered (or refused)."""
        for item_id in list(self._queued):
            local = self.store.item(item_id)
            server = getattr(local, "server", None)
            status = str(getattr(local, "sync_status", ""))
            kept = [
                (action, version)
                for action, version in self._queued[item_id]
                if server is None
                or (server.version <= version and status not in ("failed", "conflict"))
            ]
            if kept:
                self._queued[item_id] = kept
            else:
                del self._queued[item_id]

    def sync_status(self, item_id: str) -> str:
        local = self.store.item(item_id)
        return str(getattr(local, "sync_status", "synced") or "synced")

    def categories(self) -> list[Category]:
        if self._categories is None:
            raw = list(self.store.categories(self.session.site) or [])
            self._categories = [
                c if isinstance(c, Category) else Category.from_dict(c) for c in raw
            ]
            self._categories.sort(key=lambda c: (c.position, c.name))
        return self._categories

    def category_name(self, category_id: str) -> str:
        for category in self.categories():
            if category.id == category_id:
                return category.name
        return category_id

    def member_names(self) -> dict[str, str]:
        names: dict[str, str] = {}
        try:
            for member in self.store.members(self.session.site) or []:
                username = _attr(member, "username")
                names[str(username)] = str(_attr(member, "full_name") or username)
        except Exception:  # the directory is a nicety; usernames will do
            log.debug("members unavailable", exc_info=True)
        return names

    def comments(self, item_id: str) -> list[Any]:
        return list(self.store.comments(item_id) or [])

    def versions(self, item_id: str) -> list[Any]:
        return list(self.store.versions(item_id) or [])

    def request_history(self, item_id: str) -> asyncio.Future[Any] | None:
        """Fetch the history in the background when the portal is reachable; quiet otherwise."""
        loader = self.history_loader
        if loader is None:
            return None
        return run_op(
            None, lambda: loader(item_id), failure=lambda text: log.info("history: %s", text)
        )

    def conflicts(self) -> list[Any]:
        return list(self.store.conflicts() or [])

    def failures(self, item_id: str) -> list[Any]:
        """Operations the portal refused for good on this item (their content is kept)."""
        if not hasattr(self.store, "failed_operations"):
            return []
        return [f for f in self.store.failed_operations() if f.item_id == item_id]

    def dismiss_failures(self, item_id: str) -> None:
        for failure in self.failures(item_id):
            self.store.dismiss_failed(failure.seq)
        self._changed(item_id)

    def pending_count(self) -> int:
        return int(self.store.pending_count() or 0)

    # writing
    def create_draft(self, category: str = "", **content: Any) -> Item:
        if not category:
            categories = self.categories()
            category = categories[0].id if categories else ""
        item = self.store.create_draft(
            self.session.site, category, self.session.user.username, **content
        )
        self._changed(item.id)
        return item

    def save(self, item_id: str, **content: Any) -> None:
        self.store.save_working(item_id, **content)
        self._changed(item_id)

    def act(self, item_id: str, action: Action | str, comment: str | None = None) -> None:
        self.store.queue_action(item_id, Action(action).value, comment=comment or None)
        local = self.store.item(item_id)
        server = getattr(local, "server", None)
        self._queued.setdefault(item_id, []).append(
            (Action(action), server.version if server else 0)
        )
        self._changed(item_id)

    def comment(self, item_id: str, body: str) -> None:
        self.store.queue_comment(item_id, body, author=self.session.user.username)
        self._changed(item_id)

    def resolve_conflict(self, conflict: Any, resolution: str | dict[str, Any]) -> None:
        """Keep "mine", "theirs", or merged content; the conflict record itself is kept."""
        self.store.resolve_conflict(int(_attr(conflict, "id")), resolution)
        self._changed(str(_attr(conflict, "item_id")))

    def attach(self, item_id: str, path: Path) -> tuple[str, str]:
        """Keep a dropped file in the store, queue its upload and list it on the item.

        Returns (sha256, content type). Files over the portal's limit are refused here.
        """
        data = path.read_bytes()
        if len(data) > MAX_ATTACHMENT:
            raise AttachmentTooLarge(path.name)
        content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        digest = self.store.queue_blob(data, content_type, item_id)
        item = self.current(item_id)
        attachments = list(item.attachments) if item is not None else []
        if digest not in attachments:
            attachments.append(digest)
            self.store.save_working(item_id, attachments=attachments)
        self._changed(item_id)
        return digest, content_type

    def blob(self, sha256: str) -> bytes | None:
        found = self.store.blob(sha256)
        return found[0] if found else None

    def _changed(self, item_id: str) -> None:
        emit(self.itemChanged, item_id)
        emit(self.itemsChanged)
        emit(self.localChange)


@dataclass
class SyncState:
    online: bool | None = None
    running: bool = False
    last_sync: datetime | None = None
    last_error: str = ""
    pending: int = 0


class SyncService(QObject):
    """Runs the sync engine on the qasync loop: now, after a local change, on a timer.

    The engine (desktop.sync) is plain asyncio; this only decides when to call it and turns its
    report into signals the status bar and the screens listen to.
    """

    syncStarted = Signal()
    syncFinished = Signal(bool)
    statusChanged = Signal()
    arrived = Signal(list)  # items that entered a queue or came back: for notifications

    def __init__(
        self, engine: Any, items: ItemService, interval_seconds: int = 60, client: Any = None
    ) -> None:
        super().__init__()
        self.engine = engine
        self.client = client if client is not None else getattr(engine, "client", None)
        self.items = items
        items.history_loader = self.fetch_history
        self.state = SyncState(pending=self._pending())
        self._task: asyncio.Future[Any] | None = None
        self._again = False
        self.debounce = QTimer(self, singleShot=True, interval=1500)
        self.debounce.timeout.connect(self.sync_now)
        self.timer = QTimer(self, interval=interval_seconds * 1000)
        self.timer.timeout.connect(self.sync_now)
        items.localChange.connect(self._local_change)

    def start(self) -> None:
        if self.engine is not None:
            self.timer.start()
            self.sync_now()

    def set_interval(self, seconds: int) -> None:
        self.timer.setInterval(seconds * 1000)

    def _pending(self) -> int:
        try:
            return self.items.pending_count()
        except Exception:
            return 0

    def _local_change(self) -> None:
        self.state.pending = self._pending()
        emit(self.statusChanged)
        if self.engine is not None:
            self.debounce.start()

    def sync_now(self) -> asyncio.Future[Any] | None:
        """Start a sync unless one runs; a request during a run queues one more run."""
        if self.engine is None:
            return None
        if self._task is not None and not self._task.done():
            self._again = True
            return self._task
        self._task = asyncio.ensure_future(self._run())
        return self._task

    async def fetch_history(self, item_id: str) -> None:
        """Versions of one item (and the submitted version's content, for the diff) into the
        store; the engine syncs items and comments, the history is fetched when opened."""
        if self.client is None:
            return
        versions = await self.client.versions(item_id)
        item = self.items.current(item_id)
        handed = item.steps.get("submit") if item is not None else None
        if handed is not None:
            for version in versions:
                if version.get("version") == handed.version and "item" not in version:
                    full = await self.client.call(
                        "GET", f"items/{item_id}/versions/{handed.version}"
                    )
                    if isinstance(full, dict) and isinstance(full.get("item"), dict):
                        version["item"] = full["item"]
        self.items.store.set_versions(item_id, versions)
        emit(self.items.itemChanged, item_id)

    async def _run(self) -> None:
        if hasattr(self.engine, "language"):
            self.engine.language = current_language()
        self.state.running = True
        emit(self.syncStarted)
        emit(self.statusChanged)
        reached = False
        try:
            report = await self.engine.sync()
            reached = bool(getattr(report, "online", True))
            self.state.last_error = str(getattr(report, "error", "") or "")
            if reached and not self.state.last_error:
                self.state.last_sync = datetime.now(UTC)
        except Exception as exc:
            self.state.last_error = error_sentence(exc)
            log.info("sync failed: %s", exc)
        finally:
            self.state.running = False
            self.state.online = reached
            self.state.pending = self._pending()
            self.items._categories = None
            self.items.forget_answered()
            emit(self.syncFinished, reached)
            emit(self.statusChanged)
            emit(self.items.itemsChanged)
        if self._again:
            self._again = False
            self.sync_now()
