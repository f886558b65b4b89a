"""The only part of desktop/ui that touches the store and the sync engine.

Screens call small services and redraw themselves when a service signals a change; no screen
knows about SQL, HTTP or the outbox. Background work goes through ``run_op`` (desktop.ui.ops).
"""

from __future__ import annotations

import asyncio
import bisect
import functools
import logging
import mimetypes
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
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
from desktop.store.records import ItemRow
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
    due_iso: str = ""  # issue 6: sorts the due column
    due_status: str = ""  # late, due_soon (red, amber) or empty


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
    if isinstance(row, ItemRow):  # the common case, 10,000 at a time: no attribute probing
        return QueueRow(
            id=row.id,
            title=row.title,
            category=row.category,
            author=row.author or row.created_by,
            state=row.state,
            state_since=_when(row.state_since),
            created_by=row.created_by,
            sync_status=str(getattr(row.sync_status, "value", row.sync_status) or "synced"),
        )
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


class _DueProbe:
    """What ``Deadlines.deadline`` reads of an item, without parsing its body."""

    __slots__ = ("category", "metadata", "site", "state", "trigger_date")

    def __init__(self, site: str, category: str, state: State, trigger: Any, metadata: Any) -> None:
        self.site, self.category, self.state = site, category, state
        self.trigger_date = date.fromisoformat(trigger) if trigger else None
        self.metadata = metadata if isinstance(metadata, dict) else {}


def _pending_status(row: QueueRow) -> str:
    return "pending" if row.sync_status == "synced" else row.sync_status


def _row_order(row: QueueRow) -> tuple[float, str]:
    """The store's order: newest state change first, items with none (drafts) before all."""
    since = row.state_since.timestamp() if row.state_since is not None else float("inf")
    return (-since, row.id)


def _read_rows(
    store: Any, site: str, language: str, today: date, ids: Iterable[str] | None = None
) -> list[QueueRow]:
    """The site's queue rows with their due dates, as stored (no queued action applied).

    Plain reads of ``store`` and no Qt: runs on the UI thread or on the Lookups worker.
    """
    listed = store.list_items(site=site, ids=ids)
    rows = [queue_row(r) for r in listed]
    return _with_due(store, rows, site, language, today, ids)


def _with_due(
    store: Any,
    rows: list[QueueRow],
    site: str,
    language: str,
    today: date,
    ids: Iterable[str] | None = None,
) -> list[QueueRow]:
    """Due dates (issue 6) from one small query instead of reading every item."""
    from desktop.desk.deadlines import Deadlines, row_with_deadline, with_due

    if not hasattr(store, "deadline_inputs"):
        return with_due(store, rows, language, today)
    if not hasattr(store, "calendar_notices"):  # a store from before issue 6
        return rows
    deadlines = Deadlines(store, today)
    ruled = set()
    for category_id in {r.category for r in rows}:
        category = deadlines.category(site, category_id)
        if category is not None and category.deadline is not None:
            ruled.add(category_id)
    if not ruled:
        return rows
    inputs = store.deadline_inputs(site, ruled, ids=None if ids is None else list(ids))
    out: list[QueueRow] = []
    for row in rows:
        found = inputs.get(row.id)
        deadline = None
        if found is not None and row.category in ruled:
            try:
                probe = _DueProbe(site, row.category, State(row.state), *found)
                deadline = deadlines.deadline(probe)  # type: ignore[arg-type]
            except (ValueError, TypeError):  # an unreadable date: no due date shown
                deadline = None
        out.append(row_with_deadline(row, deadline, language))
    return out


# --- the services ------------------------------------------------------------------------------


class ItemService(QObject):
    """Reads and writes items in the local store; never waits on the network."""

    itemsChanged = Signal()
    itemChanged = Signal(str)
    localChange = Signal()
    rowsLoaded = Signal()  # the first read of the rows (begin_loading) has come back

    def __init__(self, store: Any, session: Session) -> None:
        super().__init__()
        self.store = store
        self.session = session
        self._categories: list[Category] | None = None
        self._base: list[QueueRow] | None = None  # the stored rows, no queued action applied
        self._base_basis: tuple[Any, ...] | None = None
        self._rows_version = 0
        self._overlay: tuple[tuple[Any, ...], list[QueueRow]] | None = None
        self._holds = 0  # a sync runs (or the first read): keep the stored rows until it ends
        #: The window is up before the first read of the rows has come back (a large store).
        self.loading = False
        self._touched: set[str] = set()  # items written here while a refresh reads
        # Actions queued here but not yet answered by the portal: (action, server version then).
        # The store keeps the server's state until sync; the screens show the expected one.
        self._queued: dict[str, list[tuple[Action, int]]] = {}
        #: Set by SyncService: fetches an item's history from the portal into the store.
        self.history_loader: Callable[[str], Awaitable[None]] | None = None

    # reading: the queues' rows
    #
    # One list of the site's rows, shared by every screen and the navigation's counts. Reading
    # it takes a few hundred milliseconds at 10,000 items, more than a frame, so the UI thread
    # reads it whole only once (or when something outside this desk changed the store). After
    # that, the user's own changes re-read just their item's row, and what a sync brought is
    # read on the Lookups worker thread while the screens keep the rows they show.
    def rows(self, states: Iterable[str] | None = None, mine: bool = False) -> list[QueueRow]:
        """Queue rows, newest state change first, with the actions queued here applied."""
        rows = self._all_rows()
        wanted = set(states) if states is not None else None
        me = self.session.user.username if mine else None
        if wanted is None and me is None:
            return list(rows)
        return [
            r
            for r in rows
            if (wanted is None or r.state in wanted) and (me is None or r.created_by == me)
        ]

    def rows_key(self) -> tuple[Any, ...]:
        """Equal keys, equal ``rows()``; the session's grants too (they filter the queues)."""
        self._ensure_rows()
        return (self._rows_version, self._queued_key(), self.session.grants)

    def _queued_key(self) -> tuple[tuple[str, int], ...]:
        return tuple((k, len(v)) for k, v in self._queued.items())

    def _rows_basis(self) -> tuple[Any, ...]:
        """What the stored rows were read at: the store's change mark, the language of the due
        labels, today (due status) and the site."""
        mark = self.store.change_mark() if hasattr(self.store, "change_mark") else object()
        return (mark, current_language(), date.today(), self.session.site)

    def _ensure_rows(self) -> None:
        if self._base is not None and (self._holds or self._base_basis == self._rows_basis()):
            return
        basis = self._rows_basis()
        self._install(_read_rows(self.store, self.session.site, basis[1], basis[2]), basis)

    def _install(self, rows: list[QueueRow], basis: tuple[Any, ...] | None) -> None:
        self._base, self._base_basis = rows, basis
        self._rows_version += 1

    def _all_rows(self) -> list[QueueRow]:
        self._ensure_rows()
        assert self._base is not None
        if not self._queued:
            return self._base
        key = (self._rows_version, self._queued_key())
        if self._overlay is not None and self._overlay[0] == key:
            return self._overlay[1]
        rows = [
            replace(
                r,
                state=self._expected_state(r.id, State(r.state)).value,
                sync_status=_pending_status(r),
            )
            if r.id in self._queued
            else r
            for r in self._base
        ]
        self._overlay = (key, rows)
        return rows

    def _mark(self) -> tuple[Any, ...] | None:
        """Taken before a write on the UI's connection: see ``_reread``."""
        return self._rows_basis() if self._base is not None else None

    def _reread(self, item_ids: Iterable[str], before: tuple[Any, ...] | None) -> None:
        """After this desk wrote ``item_ids``: re-read only their rows, when the stored rows
        were current before the write (or a sync is running: its refresh follows)."""
        ids = set(item_ids)
        self._touched |= ids
        if self._base is None or not ids:
            return
        if not (self._holds or (before is not None and before == self._base_basis)):
            return  # something else changed the store too: the next read takes it all
        site, language, today = self.session.site, current_language(), date.today()
        fresh = {r.id: r for r in _read_rows(self.store, site, language, today, ids)}
        rows: list[QueueRow] = []
        for row in self._base:
            if row.id in ids:
                new = fresh.pop(row.id, None)
                if new is not None:
                    rows.append(new)
            else:
                rows.append(row)
        for new in fresh.values():  # new items (local drafts): where the store lists them
            bisect.insort(rows, new, key=_row_order)
        self._base = rows
        self._rows_version += 1
        if not self._holds:
            self._base_basis = self._rows_basis()

    def defer_rows(self) -> None:
        """A sync starts: the screens keep the rows they have until its ``refresh_rows``."""
        self._ensure_rows()
        self._holds += 1

    def begin_loading(self) -> None:
        """No rows yet, none read on this thread: the window can show at once, and the first
        ``refresh_rows`` (on the worker) fills it; screens say they are reading meanwhile."""
        self._install([], None)
        self.loading = True
        self._holds += 1

    async def refresh_rows(self) -> None:
        """Read the rows again on the Lookups worker thread, then take them in on this one.

        The user may type meanwhile: the rows written here since the read began are re-read
        on top. Without a worker (a store with no file) the rows are read here.
        """
        try:
            if not getattr(self.store, "path", None):
                self._holds = 0
                self._base_basis = None
                self._ensure_rows()
                return
            for _attempt in range(3):
                basis = self._rows_basis()
                self._touched = set()
                read = functools.partial(
                    _read_rows, site=self.session.site, language=basis[1], today=basis[2]
                )
                rows = await lookups(self).read(read)
                touched, self._touched = self._touched, set()
                self._install(rows, basis)
                if touched:
                    self._holds += 1
                    self._reread(touched, None)
                    self._holds -= 1
                now = self._rows_basis()
                if now[0][0] == basis[0][0]:  # no other connection wrote meanwhile
                    self._base_basis = now
                    break
        finally:
            self._holds = max(0, self._holds - 1)
            if self.loading:
                self.loading = False
                emit(self.rowsLoaded)

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
        before = self._mark()
        for failure in self.failures(item_id):
            self.store.dismiss_failed(failure.seq)
        self._changed(item_id, before)

    def pending_count(self) -> int:
        return int(self.store.pending_count() or 0)

    # writing
    def create_draft(self, category: str = "", **content: Any) -> Item:
        if not category:
            categories = self.categories()
            category = categories[0].id if categories else ""
        before = self._mark()
        item = self.store.create_draft(
            self.session.site, category, self.session.user.username, **content
        )
        self._changed(item.id, before)
        return item

    def save(self, item_id: str, **content: Any) -> None:
        before = self._mark()
        self.store.save_working(item_id, **content)
        self._changed(item_id, before)

    def act(self, item_id: str, action: Action | str, comment: str | None = None) -> None:
        before = self._mark()
        self.store.queue_action(item_id, Action(action).value, comment=comment or None)
        local = self.store.item(item_id)
        server = getattr(local, "server", None)
        self._queued.setdefault(item_id, []).append(
            (Action(action), server.version if server else 0)
        )
        self._changed(item_id, before)

    def comment(self, item_id: str, body: str) -> None:
        before = self._mark()
        self.store.queue_comment(item_id, body, author=self.session.user.username)
        self._changed(item_id, before)

    def resolve_conflict(self, conflict: Any, resolution: str | dict[str, Any]) -> None:
        """Keep "mine", "theirs", or merged content; the conflict record itself is kept."""
        before = self._mark()
        self.store.resolve_conflict(int(_attr(conflict, "id")), resolution)
        self._changed(str(_attr(conflict, "item_id")), before)

    def attach(self, item_id: str, path: Path) -> tuple[str, str]:
        """Keep a dropped file in the store, queue its upload and list it on the item.

        Returns (sha256, content type). Files over the portal's limit are refused here.
        """
        data = path.read_bytes()
        if len(data) > MAX_ATTACHMENT:
            raise AttachmentTooLarge(path.name)
        content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        before = self._mark()
        digest = self.store.queue_blob(data, content_type, item_id)
        item = self.current(item_id)
        attachments = list(item.attachments) if item is not None else []
        if digest not in attachments:
            attachments.append(digest)
            self.store.save_working(item_id, attachments=attachments)
        self._changed(item_id, before)
        return digest, content_type

    def blob(self, sha256: str) -> bytes | None:
        found = self.store.blob(sha256)
        return found[0] if found else None

    def note_written(self, item_id: str, before: tuple[Any, ...] | None) -> None:
        """Another part of the UI wrote to this store (an item's history): keep the rows."""
        self._reread([item_id], before)

    def _changed(self, item_id: str, before: tuple[Any, ...] | None) -> None:
        self._reread([item_id], before)
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
    passwordChangeRequired = Signal()  # a sync met 403 password_change_required (issue 5)

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
        #: The next sync refreshes the directory too (a profile opened without a first sync).
        self.directory_next = False
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
        before = self.items._mark()
        self.items.store.set_versions(item_id, versions)
        self.items.note_written(item_id, before)
        emit(self.items.itemChanged, item_id)

    async def _run(self) -> None:
        if hasattr(self.engine, "language"):
            self.engine.language = current_language()
        self.state.running = True
        self.items.defer_rows()  # the screens keep their rows; the refresh below renews them
        emit(self.syncStarted)
        emit(self.statusChanged)
        reached = False
        try:
            if self.directory_next:
                self.directory_next = False
                report = await self.engine.sync(directory=True)
            else:
                report = await self.engine.sync()
            reached = bool(getattr(report, "online", True))
            self.state.last_error = str(getattr(report, "error", "") or "")
            if reached and not self.state.last_error:
                self.state.last_sync = datetime.now(UTC)
            if getattr(report, "password_change_required", False):
                emit(self.passwordChangeRequired)  # desktop/ui/password_flow.py leads the change
        except Exception as exc:
            self.state.last_error = error_sentence(exc)
            log.info("sync failed: %s", exc)
        finally:
            self.state.running = False
            self.state.online = reached
            self.state.pending = self._pending()
            self.items._categories = None
            follow_directory(self.items)  # issue 6: grants follow the directory at once
            self.items.forget_answered()
            try:
                await self.items.refresh_rows()
            except Exception:  # the rows are read again on the UI thread at the next look
                log.warning("reading the queues after a sync failed", exc_info=True)
            emit(self.syncFinished, reached)
            emit(self.statusChanged)
            emit(self.items.itemsChanged)
        if self._again:
            self._again = False
            self.sync_now()


# --- search, reports and the publish queue (issues 7 and 11) -----------------------------------


class Lookups:
    """Reads that may take longer than a frame (search, the yearly report) on a second
    connection in one worker thread, and the publish queue of this profile's store."""

    def __init__(self, items: ItemService) -> None:
        import weakref
        from concurrent.futures import ThreadPoolExecutor

        self.items = items
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="store-reader")
        self._reader: Any = None
        self._queue: Any = None
        weakref.finalize(self, Lookups._shutdown, self._pool)

    @staticmethod
    def _shutdown(pool: Any) -> None:
        pool.shutdown(wait=False)

    def _store(self) -> Any:
        """The reader store, opened in the worker thread on first use (its only user)."""
        if self._reader is None:
            from desktop.store import Store
            from desktop.store.base import connect

            store = self.items.store
            self._reader = Store(store.path, connect(store.path)) if store.path else store
        return self._reader

    def _off_thread(self, work: Callable[[Any], Any]) -> asyncio.Future[Any]:
        return asyncio.get_event_loop().run_in_executor(self._pool, lambda: work(self._store()))

    def read(self, work: Callable[[Any], Any]) -> asyncio.Future[Any]:
        """``work(reader store)`` on the worker thread (the queues' rows after a sync)."""
        return self._off_thread(work)

    def search(self, query: str, **filters: Any) -> asyncio.Future[Any]:
        """Hits for ``query`` (see Store.search), worked out off the UI thread."""
        return self._off_thread(lambda store: store.search(query, **filters))

    def report(self, period: Any, language: str) -> asyncio.Future[Any]:
        from desktop.reports import compute

        site = self.items.session.site or None
        return self._off_thread(lambda store: compute(store, period, site=site, language=language))

    def close(self) -> None:
        def close_reader() -> None:
            if self._reader is not None and self._reader is not self.items.store:
                self._reader.close()
            self._reader = None

        self._pool.submit(close_reader)
        self._pool.shutdown(wait=True)
        if self._queue is not None:
            self._queue.close()
            self._queue = None

    # the publish queue: a small table, read on the UI thread
    def publish_queue(self) -> Any:
        if self._queue is None:
            from desktop.publishing.queue import PublishQueue

            self._queue = PublishQueue(self.items.store.path)
        return self._queue

    def publishing_in_use(self) -> bool:
        """Targets are configured for the site, or something is (or was) in the queue."""
        try:
            queue = self.publish_queue()
            return bool(queue.targets(self.items.session.site) or queue.jobs())
        except Exception:  # no publishing tables (an old store): nothing to show
            log.debug("publish queue unavailable", exc_info=True)
            return False

    def publish_jobs(self) -> list[Any]:
        try:
            return list(self.publish_queue().jobs())
        except Exception:
            log.debug("publish queue unavailable", exc_info=True)
            return []

    def retry_publish(self, job_id: int) -> bool:
        done = bool(self.publish_queue().retry(job_id))
        emit(self.items.itemsChanged)
        return done

    def publications(self, item_id: str) -> list[Any]:
        """This item's jobs that reached their target (their public link is known)."""
        return [
            job
            for job in self.publish_jobs()
            if job.item_id == item_id and job.status == "published" and job.url
        ]


def lookups(items: ItemService) -> Lookups:
    """The Lookups of this ItemService, made on first use."""
    found = getattr(items, "_lookups", None)
    if found is None:
        found = Lookups(items)
        items._lookups = found  # type: ignore[attr-defined]
    return found


# --- grants (issue 6: BD-18.4, BD-22) ----------------------------------------------------------


def follow_directory(items: ItemService) -> None:
    """Take the grants of the synced directory into the session: queues and actions follow a
    new or revoked grant at once, and offline from the cached copy."""
    from desktop.ui.session import _grant

    me = items.store.me() or {}
    try:
        items.session.grants = tuple(_grant(g) for g in me.get("grants") or [])
    except (KeyError, ValueError):
        log.info("unreadable grants in the directory", exc_info=True)


class GrantsOffline(ConnectionError):
    def message(self, language: str = "vi") -> str:
        if language == "vi":
            return (
                "Không kết nối được cổng thông tin: phân công, ủy quyền chỉ thay đổi khi có mạng."
            )
        return "The portal cannot be reached: grants can only be changed online."


class GrantService:
    """Gives and revokes grants through the portal (a directory change: online only), then
    refreshes the directory so this desk follows the change at once."""

    def __init__(self, items: ItemService, sync: SyncService | None) -> None:
        self.items = items
        self.sync = sync

    @property
    def site(self) -> str:
        return self.items.session.site

    def grants(self) -> list[dict[str, Any]]:
        return list(self.items.store.grants(self.site) or [])

    def members(self) -> list[dict[str, Any]]:
        return list(self.items.store.members(self.site) or [])

    def _client(self) -> Any:
        client = getattr(self.sync, "client", None) if self.sync is not None else None
        engine = getattr(self.sync, "engine", None) if self.sync is not None else None
        client = getattr(engine, "client", None) or client
        if client is None:
            raise GrantsOffline()
        return client

    async def _call(self, method: str, path: str, ok: tuple[int, ...], **kw: Any) -> Any:
        from desktop.sync.errors import Offline

        try:
            return await self._client().call(method, path, ok=ok, **kw)
        except Offline as exc:
            raise GrantsOffline() from exc

    async def give(
        self,
        grantee: str,
        step: str,
        categories: list[str],
        valid_from: datetime | None,
        valid_until: datetime | None,
        decision_ref: str,
    ) -> dict[str, Any]:
        body = {
            "grantee": grantee,
            "step": step,
            "categories": categories,
            "valid_from": valid_from.isoformat() if valid_from else None,
            "valid_until": valid_until.isoformat() if valid_until else None,
            "decision_ref": decision_ref,
        }
        given = await self._call("POST", f"sites/{self.site}/grants", (201,), json_body=body)
        await self.refresh()
        return dict(given or {})

    async def revoke(self, grant_id: str) -> dict[str, Any]:
        revoked = await self._call("POST", f"sites/{self.site}/grants/{grant_id}/revoke", (200,))
        await self.refresh()
        return dict(revoked or {})

    async def refresh(self) -> None:
        engine = getattr(self.sync, "engine", None) if self.sync is not None else None
        if engine is not None:
            await engine.refresh_directory()
        follow_directory(self.items)
        emit(self.items.itemsChanged)
